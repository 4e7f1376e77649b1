/**
 * The write path of real-time events into the state (the other half of state.ts's one write
 * path). Only the event sequencer applies events, so this lives in its lazy chunk.
 * @packageDocumentation
 */
import type { Message, ServerEvent } from './schemas.js';
import { type CimState, putBlock, putConversations, putLive, putMessageBatches, putShowcase } from './state.js';

/** A decoded real-time event; `message.created` carries its decoded message. */
export type DecodedEvent = ServerEvent & { message?: Message };

/**
 * Folds one real-time event into the state, and records its sequence. Pure; throws
 * `RuleViolationError` (`invalid_transition`) when the event breaks a state machine.
 */
export function applyEvent(state: CimState, event: DecodedEvent): CimState {
  const next = foldEvent(state, event);
  return { ...next, lastSeq: Math.max(next.lastSeq, event.seq) };
}

function foldEvent(state: CimState, event: DecodedEvent): CimState {
  switch (event.type) {
    case 'message.created': {
      const message = event.message!;
      const withConversation = putConversations(state, [event.data.conversation], () => (message.sender === 'counterpart' ? 1 : 0));
      return putMessageBatches(withConversation, [{ conversationId: event.data.conversation.id, messages: [message], asOf: event.seq }]);
    }
    case 'conversation.updated':
      return putConversations(state, [event.data.conversation]);
    case 'sample.updated':
      return putLive(state, event.seq, { samples: [event.data.sample], checked: true });
    case 'invitation.updated':
      return putLive(state, event.seq, { invitations: [event.data.invitation], checked: true });
    case 'link.updated':
      return putLive(state, event.seq, { links: [event.data.link], checked: true });
    case 'block.updated':
      return putBlock(state, event.data.seller, event.data.blocked);
    case 'showcase.updated':
      return putShowcase(state, event.data.productIds);
  }
}
