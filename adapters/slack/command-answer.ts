/**
 * How `/wa` answers on Slack. Slack waits 3 seconds for a slash command's acknowledgement and then shows the user an
 * error, while the command's `response_url` takes answers for 30 minutes (docs.slack.dev, "Implementing slash
 * commands": "respond within 3000 ms", "up to 5 times within 30 minutes"). A quick answer goes in the
 * acknowledgement; a slow one (`/wa doctor` calls Meta and Slack) is acknowledged with a line saying it is under way
 * after `budgetMs` (SLACK_COMMAND_ACK_MS), and follows through the response_url, privately as well.
 */
import type { Logger } from '../../src/logger';
import { DEFAULT_LANGUAGE, t, type Language } from '../../src/i18n';

type Ephemeral = { response_type: 'ephemeral'; text: string };

export interface CommandReplies {
  ack(reply: Ephemeral): Promise<void>;
  respond(reply: Ephemeral): Promise<unknown>;
  budgetMs: number;
}

/** `lang`: the language of the channel the command was typed in (its acknowledgement's words). */
export async function answerCommand(answer: Promise<{ text: string }>, replies: CommandReplies, log: Logger, lang: Language = DEFAULT_LANGUAGE): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), replies.budgetMs)));
  const quick = await Promise.race([answer, late]).finally(() => clearTimeout(timer));
  if (quick) return replies.ack({ response_type: 'ephemeral', text: quick.text });
  await replies.ack({ response_type: 'ephemeral', text: t(lang, 'working') });
  const reply = await answer;
  await replies.respond({ response_type: 'ephemeral', text: reply.text }).catch((err: unknown) => {
    log.error({ err }, 'Slack refused the late answer of a /wa command (its response_url expires after 30 minutes)');
  });
}
