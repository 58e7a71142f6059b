/** A failed Graph call of a `doctor` check, in the check's words: Odoo's FAQ name and fix when it is one, else Meta's. */
import { DeliveryError } from '../../../src/domain/errors';
import { faqEntry, graphCode } from './faq';

export function describeGraphError(err: unknown): { detail: string; fix: string; code?: number } {
  const code = graphCode(err);
  if (!(err instanceof DeliveryError)) return { detail: (err as Error).message, fix: 'see the bridge’s log', code };
  const faq = code === undefined ? undefined : faqEntry(code, err.explanation.meaning);
  const label = code === undefined ? err.explanation.code : `Graph error ${code}`;
  if (faq) return { detail: `${label}: ${faq.name}`, fix: faq.fix, code };
  return { detail: `${label}: ${err.explanation.meaning}`, fix: err.explanation.action, code };
}
