/**
 * A failed Graph call of a `doctor` check, in the check's words: Odoo's FAQ name and fix when it is one, else Meta's
 * (its explanation, which the errors area of the catalogue words by its key). Catalogue texts (src/doctor/text.ts).
 */
import type { DoctorText } from '../../../src/domain/doctor';
import { DeliveryError } from '../../../src/domain/errors';
import { doctorText, explanationText, rawText } from '../../../src/doctor/text';
import { faqEntry, graphCode } from './faq';

export function describeGraphError(err: unknown): { detail: DoctorText; fix: DoctorText; code?: number } {
  const code = graphCode(err);
  if (!(err instanceof DeliveryError)) return { detail: rawText((err as Error).message), fix: doctorText('doctor.graph.seeLog'), code };
  const faq = code === undefined ? undefined : faqEntry(code, err.explanation.meaning);
  const label: DoctorText | string = code === undefined ? err.explanation.code : doctorText('doctor.graph.label', { code });
  if (faq) return { detail: doctorText('doctor.graph.detail', { label, what: faq.text.name }), fix: faq.text.fix, code };
  return {
    detail: doctorText('doctor.graph.detail', { label, what: explanationText(err.explanation, 'meaning') }),
    fix: explanationText(err.explanation, 'action'),
    code,
  };
}
