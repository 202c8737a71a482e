import { AUDIT_ACTION_WORDS, type AuditEntry } from '../../../domain/audit';

const whenFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** "1 Dec 2026, 14:02:09", UK time: an audit entry needs the year and the second. */
export function formatAuditTime(iso: string): string {
  return whenFormat.format(new Date(iso));
}

const ROLE_WORDS: Record<string, string> = { admin: 'admin', organiser: 'organiser', manager: 'manager', 'care-worker': 'care worker' };

export function roleWords(role: string): string {
  return ROLE_WORDS[role] ?? role;
}

/** "Jo Baker (organiser)"; an account no longer here still shows the role it had. */
export function actorWords(entry: AuditEntry): string {
  return `${entry.actor.name ?? 'An account no longer here'} (${roleWords(entry.actor.role)})`;
}

export function actionWords(entry: AuditEntry): string {
  return AUDIT_ACTION_WORDS[entry.action];
}

/** Whose record it was, by today's name: "Hilda", "Hilda’s visit", "Care worker: Sam", "Tablet: Safari on iPad", "Everyone". */
export function subjectWords(entry: AuditEntry): string {
  const { type, name } = entry.subject;
  const gone = 'A record no longer here';
  switch (type) {
    case 'person':
      return name ?? gone;
    case 'visit':
      return name ? `${name}’s visit` : gone;
    case 'carer':
      return name ? `Care worker: ${name}` : gone;
    case 'account':
      return name ? `Account: ${name}` : gone;
    case 'device':
      return name ? `Tablet: ${name}` : 'A tablet not set up yet or no longer here';
    case 'organisation':
      return 'Everyone in the organisation';
  }
}

export function tabletWords(entry: AuditEntry): string {
  if (!entry.device) return 'None';
  return entry.device.label ?? 'A tablet no longer enrolled';
}
