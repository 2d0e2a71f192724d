import type { EscalationPayload } from './payload';

const LANGUAGE_NAMES: Record<string, string> = { pl: 'Polish', uk: 'Ukrainian', en: 'English' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface EscalationEmail {
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** `<escalation-<id>@prystan>`: the same for every attempt, so a resend is recognisably the same message. */
export function escalationMessageId(escalationId: string): string {
  return `<escalation-${escalationId}@prystan>`;
}

/**
 * The e-mail for an escalation, in English with the survivor's language code. The subject
 * names only the urgency and the start of the id: details go in the body alone.
 */
export function renderEscalationEmail(p: EscalationPayload): EscalationEmail {
  const language = LANGUAGE_NAMES[p.language] ? `${p.language} (${LANGUAGE_NAMES[p.language]})` : p.language;
  const facts: [string, string][] = [
    ['Escalation', p.escalationId],
    ['Service', p.service.name],
    ['Urgency', p.urgency],
    ['Language of the person', language],
    ['Raised at', p.createdAt],
  ];
  const details: [string, string][] = [['Summary', p.details.summary]];
  if (p.details.callbackPhone) details.push(['Call back on', p.details.callbackPhone]);
  if (p.details.location) details.push(['Location', p.details.location]);
  const consent = 'The person consented to sharing these details with you for this escalation only. Please do not forward them.';
  const ack = 'Please acknowledge receipt: open this link and press the button (opening the link alone does not acknowledge):';
  const text = [
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    ...details.map(([k, v]) => `${k}: ${v}`),
    '',
    ack,
    p.ackUrl,
    '',
    consent,
    '',
    '-- ',
    'Sent by Prystan. Replies to this message are not read.',
  ].join('\n');
  const row = ([k, v]: [string, string]) => `<tr><th align="left" valign="top">${escapeHtml(k)}</th><td style="white-space:pre-wrap">${escapeHtml(v)}</td></tr>`;
  const html = [
    '<!doctype html><html><body>',
    `<table>${facts.map(row).join('')}</table>`,
    `<table>${details.map(row).join('')}</table>`,
    `<p>${escapeHtml(ack)}<br><a href="${escapeHtml(p.ackUrl)}">${escapeHtml(p.ackUrl)}</a></p>`,
    `<p>${escapeHtml(consent)}</p>`,
    '<p>Sent by Prystan. Replies to this message are not read.</p>',
    '</body></html>',
  ].join('\n');
  return {
    subject: `[Prystan] Escalation (${p.urgency}) ${p.escalationId.slice(0, 8)}`,
    text,
    html,
    messageId: escalationMessageId(p.escalationId),
    headers: {
      'X-Prystan-Escalation-Id': p.escalationId,
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
    },
  };
}
