import type { Core } from '../core.js';
import { RuleViolationError } from '../errors.js';
import { assertTransition, canTransition, missingAgreements } from '../rules.js';
import { InvitationResultSchema, LinkResultSchema, LinksSchema, type AgencyInvitation, type LinkState } from '../schemas.js';
import { select, type ReadableStore } from '../store.js';
import { requireId } from './conversations.js';

/** An agency invitation as "Learn more" shows it. */
export interface InvitationView {
  readonly invitation: AgencyInvitation;
  /** Agreement ids the creator has acknowledged. */
  readonly acknowledged: readonly string[];
  /** "Accept" is allowed: pending, and every agreement acknowledged. */
  readonly canAccept: boolean;
  /** "Decline" is allowed (the invitation is still pending). */
  readonly canDecline: boolean;
  /** The agreements still have to be reviewed (the invitation is pending). */
  readonly awaitingAgreements: boolean;
  /** "Send unlink request" is allowed (the creator is linked to this agency). */
  readonly canRequestUnlink: boolean;
  /** The creator's link with this agency. */
  readonly link: LinkState;
}

/**
 * Agencies: binding invitations ("Learn more" → acknowledge every agreement → "Accept", or
 * "Decline") and, once linked, "Send unlink request".
 */
export class AgencyModule {
  /** @internal */
  constructor(private readonly core: Core) {}

  /** A live view of one invitation with its acknowledgements and the agency link. */
  invitation(invitationId: string): ReadableStore<InvitationView | undefined> {
    requireId(invitationId, 'invitationId');
    let last: InvitationView | undefined;
    return select(this.core.store, (state) => {
      const invitation = state.invitations[invitationId];
      if (!invitation) return undefined;
      const acknowledged = state.acknowledged[invitationId] ?? [];
      const link = state.links[invitation.agency.id] ?? 'none';
      if (last && last.invitation === invitation && last.acknowledged === acknowledged && last.link === link) return last;
      // Still open: it can still be declined (and accepted, once every agreement is acknowledged).
      const pending = invitation.state !== 'declined' && canTransition('invitation', invitation.state, 'declined');
      const canAccept = pending && missingAgreements(invitation.agreements.map((a) => a.id), acknowledged).length === 0;
      const canRequestUnlink = link === 'linked' && canTransition('link', link, 'unlink_requested');
      last = { invitation, acknowledged, canAccept, canDecline: pending, awaitingAgreements: pending, canRequestUnlink, link };
      return last;
    });
  }

  /** A live view of the creator's link with an agency. */
  link(agencyId: string): ReadableStore<LinkState> {
    requireId(agencyId, 'agencyId');
    return select(this.core.store, (state) => state.links[agencyId] ?? 'none');
  }

  /** Loads the creator's agency links. */
  async loadLinks(signal?: AbortSignal): Promise<void> {
    const { links } = await this.core.http.request('/api/agency-links', { signal, schema: LinksSchema, what: 'agency links' });
    this.core.update((state) => ({ ...state, links: { ...state.links, ...Object.fromEntries(links.map((l) => [l.agencyId, l.state])) } }));
  }

  /** Ticks (or unticks) one agreement of an invitation. Local until "Accept". */
  acknowledge(invitationId: string, agreementId: string, acknowledged = true): void {
    const invitation = this.require(invitationId);
    if (!invitation.agreements.some((agreement) => agreement.id === agreementId)) {
      throw new RuleViolationError('unknown_entity', `The invitation has no agreement "${String(agreementId)}".`);
    }
    this.core.update((state) => {
      const current = state.acknowledged[invitationId] ?? [];
      const next = acknowledged ? [...new Set([...current, agreementId])] : current.filter((id) => id !== agreementId);
      return { ...state, acknowledged: { ...state.acknowledged, [invitationId]: next } };
    });
  }

  /** "Accept": refused with `agreements_not_acknowledged` until every agreement is acknowledged. */
  async accept(invitationId: string): Promise<void> {
    const invitation = this.require(invitationId);
    assertTransition('invitation', invitation.state, 'accepted');
    const acknowledged = this.core.state.acknowledged[invitationId] ?? [];
    const missing = missingAgreements(invitation.agreements.map((a) => a.id), acknowledged);
    if (missing.length > 0) {
      throw new RuleViolationError('agreements_not_acknowledged', `Review and accept every agreement first (${missing.length} left).`);
    }
    await this.decide(invitationId, 'accept', { agreementIds: acknowledged });
  }

  /** "Decline". */
  async decline(invitationId: string): Promise<void> {
    const invitation = this.require(invitationId);
    assertTransition('invitation', invitation.state, 'declined');
    await this.decide(invitationId, 'decline', {});
  }

  /** "Send unlink request": only while linked. */
  async requestUnlink(agencyId: string): Promise<void> {
    requireId(agencyId, 'agencyId');
    const current = this.core.state.links[agencyId] ?? 'none';
    if (current !== 'linked') throw new RuleViolationError('not_linked', 'You can send an unlink request only to an agency you are linked to.');
    assertTransition('link', current, 'unlink_requested');
    const { link } = await this.core.http.request(`/api/agency-links/${encodeURIComponent(agencyId)}/unlink`, {
      method: 'POST',
      idempotent: true,
      schema: LinkResultSchema,
      what: 'agency link',
    });
    this.core.update((state) => ({ ...state, links: { ...state.links, [link.agencyId]: link.state } }));
  }

  private async decide(invitationId: string, action: 'accept' | 'decline', body: object): Promise<void> {
    const result = await this.core.http.request(`/api/invitations/${encodeURIComponent(invitationId)}/${action}`, {
      method: 'POST',
      body,
      idempotent: true,
      schema: InvitationResultSchema,
      what: 'invitation',
    });
    this.core.update((state) => ({
      ...state,
      invitations: { ...state.invitations, [result.invitation.id]: result.invitation },
      links: result.link ? { ...state.links, [result.link.agencyId]: result.link.state } : state.links,
    }));
  }

  private require(invitationId: string): AgencyInvitation {
    requireId(invitationId, 'invitationId');
    const invitation = this.core.state.invitations[invitationId];
    if (!invitation) throw new RuleViolationError('unknown_entity', `Unknown invitation "${invitationId}".`);
    return invitation;
  }
}
