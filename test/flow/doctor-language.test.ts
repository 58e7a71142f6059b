/**
 * The real checks (WhatsApp over the Graph API, Slack, Discord: adapters/<platform>/doctor) in the channel's language
 * (issue 11 point 9): every check they report carries its catalogue keys, so `/wa doctor` leaves nothing in English
 * but ids, names, env variables, API names and the platforms' own words. Against the same fakes as test/flow/doctor.test.ts.
 */
import { OverwriteType, PermissionFlagsBits } from 'discord.js';
import { loadConfig } from '../../src/config';
import { defaultDoctorDeps, formatDoctorReport, runDoctor, type DoctorReport } from '../../src/doctor';
import { DISCORD_TEXT_CHANNEL } from '../support/discord-harness';
import { startDoctorFakes, type DoctorFakes } from '../support/doctor';
import { CHANNEL } from '../support/harness';

let f: DoctorFakes;
afterEach(async () => {
  await f.close();
});

const run = (): Promise<DoctorReport> => runDoctor(loadConfig(f.env), defaultDoctorDeps());
const checks = (report: DoctorReport) => report.sections.flatMap((s) => s.checks);

test('a correct setup: every check carries its keys; the report in Italian, French and Vietnamese', async () => {
  f = await startDoctorFakes();
  const report = await run();
  expect(report.ok).toBe(true);
  expect(checks(report).filter((c) => !c.text)).toEqual([]);
  const it = formatDoctorReport(report, { chat: true, language: 'it' });
  for (const line of [
    '✅ token di accesso valido: un token valido',
    '✅ scadenza del token: non scade mai',
    '✅ autorizzazioni del token: whatsapp_business_messaging, whatsapp_business_management',
    '✅ stato del numero: CONNECTED',
    '✅ app Live: il numero è in modalità LIVE',
    '✅ app iscritta all’account: ',
    '✅ webhook da incollare: Callback URL https://<your public host>/webhooks/whatsapp · Verify token test-verify-token',
    '✅ token del bot: @',
    `✅ canale ${CHANNEL}: @`,
    '✅ intent Message Content: attivo',
    `✅ canale ${DISCORD_TEXT_CHANNEL}: #wa-inbox, un canale testuale`,
    '✅ permessi in #wa-inbox: View Channel, ',
  ])
    expect(it).toContain(line);
  expect(it).toMatch(/\nTutti i \d+ controlli sono stati superati\.$/);
  expect(formatDoctorReport(report, { language: 'fr' })).toContain('✅ jeton d’accès valide : un jeton valide');
  expect(formatDoctorReport(report, { language: 'vi' })).toContain('✅ token truy cập hợp lệ: một token hợp lệ');
});

test('failures in Italian: Meta’s 190 by Odoo’s FAQ, the Slack bot out of the channel, a Discord permission denied', async () => {
  f = await startDoctorFakes();
  f.graph.expireToken();
  f.slack.removeBot(CHANNEL);
  f.discord.setOverwrites(DISCORD_TEXT_CHANNEL, [
    { id: f.discord.botRole.id, type: OverwriteType.Role, allow: '0', deny: String(PermissionFlagsBits.ReadMessageHistory) },
  ]);
  const report = await run();
  expect(report.ok).toBe(false);
  expect(checks(report).filter((c) => !c.text)).toEqual([]);
  const it = formatDoctorReport(report, { chat: true, language: 'it' });
  expect(it).toContain(
    '❌ token di accesso valido: errore Graph 190: il token di accesso è scaduto (un token temporaneo dura 24 ore)\n      → soluzione: crea un token permanente: ',
  );
  expect(it).toMatch(new RegExp(`❌ canale ${CHANNEL}: @\\S+ non è membro di #\\S+: .*\\n {6}→ soluzione: in #\\S+, scrivi /invite @`));
  expect(it).toContain(
    '❌ permessi in #wa-inbox: mancano Read Message History (per vedere le risposte degli agenti e modificare i propri post)\n' +
      '      → soluzione: Modifica canale #wa-inbox → Autorizzazioni → il ruolo del bot: consenti Read Message History',
  );
  expect(it).toMatch(/\n\d+ controlli su \d+ non superati\.$/);
  // The English of the same report is the CLI's, as test/flow/doctor.test.ts asserts it.
  expect(formatDoctorReport(report)).toContain('❌ access token valid: Graph error 190: the access token has expired');
});
