/** Side-effect entry: registers every Creator IM element. `import '@creator-im/elements/define'`. */
import { defineElements } from './registry.js';

defineElements();
