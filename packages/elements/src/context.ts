import { createContext } from '@lit/context';
import type { CreatorImClient } from '@creator-im/sdk';

/** The SDK client, provided by `<creator-inbox>` (or any ancestor using `ContextProvider`) to every part. */
export const clientContext = createContext<CreatorImClient | undefined>(Symbol.for('creator-im-client'));
