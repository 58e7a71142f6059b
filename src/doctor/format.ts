/**
 * `doctor`'s report as text: a title per section, one line per check with ✅ or ❌, and under each ❌ its fix; a last
 * line counts the failures. `chat` bolds the titles in the chat platforms' markup (Slack mrkdwn; Discord's adapter
 * converts it), the terminal gets them plain.
 */
import type { DoctorReport } from '../domain/doctor';

export function formatDoctorReport(report: DoctorReport, opts: { chat?: boolean } = {}): string {
  const lines: string[] = [];
  for (const s of report.sections) {
    lines.push(opts.chat ? `*${s.title}*` : s.title);
    for (const c of s.checks) {
      lines.push(`  ${c.ok ? '✅' : '❌'} ${c.name}: ${c.detail}`);
      if (!c.ok && c.fix) lines.push(`      → fix: ${c.fix}`);
    }
  }
  const all = report.sections.flatMap((s) => s.checks);
  const bad = all.filter((c) => !c.ok).length;
  lines.push(bad ? `${bad} of ${all.length} checks failed.` : `All ${all.length} checks passed.`);
  return lines.join('\n');
}
