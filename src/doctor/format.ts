/**
 * `doctor`'s report as text: a title per section, one line per check with ✅ or ❌, and under each ❌ its fix; a last
 * line counts the failures. `chat` bolds the titles in the chat platforms' markup (Slack mrkdwn; Discord's adapter
 * converts it), the terminal gets them plain. `language`: `/wa doctor` answers in the channel's (src/i18n, area
 * `doctor`); the CLI's report is English, as the bridge's logs are.
 */
import type { DoctorReport } from '../domain/doctor';
import { DEFAULT_LANGUAGE, t, type Language } from '../i18n';
import { checkIn } from './text';

export function formatDoctorReport(report: DoctorReport, opts: { chat?: boolean; language?: Language } = {}): string {
  const lang = opts.language ?? DEFAULT_LANGUAGE;
  const lines: string[] = [];
  for (const s of report.sections) {
    lines.push(opts.chat ? `*${s.title}*` : s.title);
    for (const c of s.checks) {
      const shown = checkIn(c, lang);
      lines.push(`  ${c.ok ? '✅' : '❌'} ${t(lang, 'doctor.line', { name: shown.name, detail: shown.detail })}`);
      if (!c.ok && shown.fix) lines.push(`      → ${t(lang, 'doctor.fix', { fix: shown.fix })}`);
    }
  }
  const all = report.sections.flatMap((s) => s.checks);
  const bad = all.filter((c) => !c.ok).length;
  lines.push(bad ? t(lang, 'doctor.failed', { count: bad, total: all.length }) : t(lang, 'doctor.passed', { count: all.length }));
  return lines.join('\n');
}
