/**
 * What the window reminder says (issue 11 point 5), in English, gathered here so the agents' message catalogue can take
 * it over as it is. `{date}` is where the platform puts the time the window closes (ChatPost.date: each reader sees it
 * in their own time zone).
 */
export const WINDOW_REMINDER_TEXTS = {
  /** Posted in the thread, mentioning the owner (else the participants); `others`: the people of the other chat platform, by name. */
  reminder: (others: string[]) =>
    `⏰ *Reminder*${others.length ? ` for ${others.join(', ')}` : ''}: the customer's last message is still unanswered, and the 24-hour window closes at {date}. After that, only approved templates can be sent.`,
};
