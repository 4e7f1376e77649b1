import { requireId, requireSignal } from '../args.js';
import type { Core } from '../core.js';
import { ArgumentError, RuleViolationError } from '../errors.js';
import { canTransition, missingAgreements } from '../rules.js';
import type { AgencyInvitation, LinkState } from '../schemas.js';
import { withEntries } from '../state.js';
import { select, StoreCache, type ReadableStore } from '../store.js';

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

const NONE: readonly string[] = [];

/**
 * Agencies: binding invitations ("Learn more" → acknowledge every agreement → "Accept", or
 * "Decline") and, once linked, "Send unlink request".
 */
export class AgencyModule {
  private readonly invitations = new StoreCache<string, InvitationView | undefined>();
  private readonly links = new StoreCache<string, LinkState>();

  /** @internal */
  constructor(private readonly core: Core) {}

  /** A live view of one invitation with its acknowledgements and the agency link; the same store while subscribed. */
  invitation(invitationId: string): ReadableStore<InvitationView | undefined> {
    requireId(invitationId, 'invitationId');
    return this.invitations.get(invitationId, () => this.invitationView(invitationId));
  }

  private invitationView(invitationId: string): ReadableStore<InvitationView | undefined> {
    let last: InvitationView | undefined;
    return select(this.core.store, (state) => {
      const invitation = state.invitations.get(invitationId);
      if (!invitation) return undefined;
      const acknowledged = state.acknowledged.get(invitationId) ?? NONE;
      const link = state.links.get(invitation.agency.id) ?? 'none';
      if (last && last.invitation === invitation && last.acknowledged === acknowledged && last.link === link) return last;
      // Still open: it can still be declined (and accepted, once every agreement is acknowledged).
      const pending = invitation.state !== 'declined' && canTransition('invitation', invitation.state, 'declined');
      const canAccept = pending && missingAgreements(invitation.agreements.map((a) => a.id), acknowledged).length === 0;
      const canRequestUnlink = link === 'linked' && canTransition('link', link, 'unlink_requested');
      last = { invitation, acknowledged, canAccept, canDecline: pending, awaitingAgreements: pending, canRequestUnlink, link };
      return last;
    });
  }

  /** A live view of the creator's link with an agency; the same store while subscribed. */
  link(agencyId: string): ReadableStore<LinkState> {
    requireId(agencyId, 'agencyId');
    return this.links.get(agencyId, () => select(this.core.store, (state) => state.links.get(agencyId) ?? 'none'));
  }

  /** Loads the creator's agency links (a bad one is left out and reported). */
  async loadLinks(signal?: AbortSignal): Promise<void> {
    requireSignal(signal);
    const asOf = this.core.state.lastSeq;
    const { links } = await this.core.request('/api/agency-links', { signal, answer: 'agency links' });
    this.core.apply({ type: 'links', links: await this.core.items(links, 'agency link'), asOf });
  }

  /** Ticks (or unticks) one agreement of an invitation. Local until "Accept". */
  acknowledge(invitationId: string, agreementId: string, acknowledged = true): void {
    requireId(agreementId, 'agreementId');
    if (typeof acknowledged !== 'boolean') throw new ArgumentError('acknowledged must be a boolean.');
    const invitation = this.require(invitationId);
    if (!invitation.agreements.some((agreement) => agreement.id === agreementId)) {
      throw new RuleViolationError('unknown_entity', `The invitation has no agreement "${agreementId}".`);
    }
    this.core.update((state) => {
      const current = state.acknowledged.get(invitationId) ?? NONE;
      const next = acknowledged ? [...new Set([...current, agreementId])] : current.filter((id) => id !== agreementId);
      return { ...state, acknowledged: withEntries(state.acknowledged, [[invitationId, next]]) };
    });
  }

  /** "Accept": refused with `agreements_not_acknowledged` until every agreement is acknowledged. */
  async accept(invitationId: string): Promise<void> {
    const invitation = this.require(invitationId);
    return (await this.core.writes()).decideInvitation(this.core, invitation, 'accept');
  }

  /** "Decline". */
  async decline(invitationId: string): Promise<void> {
    const invitation = this.require(invitationId);
    return (await this.core.writes()).decideInvitation(this.core, invitation, 'decline');
  }

  /** "Send unlink request": only while linked. */
  async requestUnlink(agencyId: string): Promise<void> {
    requireId(agencyId, 'agencyId');
    return (await this.core.writes()).requestUnlink(this.core, agencyId);
  }

  private require(invitationId: string): AgencyInvitation {
    requireId(invitationId, 'invitationId');
    this.core.alive();
    const invitation = this.core.state.invitations.get(invitationId);
    if (!invitation) throw new RuleViolationError('unknown_entity', `Unknown invitation "${invitationId}".`);
    return invitation;
  }
}
