/**
 * The data of the interactions a message's components and a modal send (discord-api-docs, "Interactions → Receiving
 * and Responding": "Message Component Data Structure" `{custom_id, component_type, values?, resolved?}`; "Modal Submit
 * Data Structure" `{custom_id, components}` with the text inputs (type 4) in action rows). A component interaction
 * also carries the `message` it was used on.
 */
import type { APIMessage } from 'discord.js';
import type { InteractionInput } from './interactions';
import type { JsonObject } from './shapes';
import type { DiscordState } from './state';

export interface ComponentInput {
  channelId: string;
  messageId: string;
  /** The message as the clicker sees it, for one the fake does not store (an ephemeral answer). */
  message?: APIMessage;
  customId: string;
  /** 2 button, 3 string select, 5 user select. */
  componentType: number;
  /** A select's picked values (user ids for a user select). */
  values?: string[];
  user?: InteractionInput['user'];
}

export interface ModalSubmitInput {
  channelId: string;
  customId: string;
  /** Typed values by text input custom_id. */
  values: Record<string, string>;
  user?: InteractionInput['user'];
}

/** A component interaction's data and the message it is on; a user select's users resolved as Discord does. */
export function componentData(state: DiscordState, input: ComponentInput): [JsonObject, APIMessage] {
  const message = input.message ?? state.findMessage(input.channelId, input.messageId);
  const users = input.componentType === 5 ? (input.values ?? []).map((id) => state.human({ id })) : [];
  const member = (id: string) => {
    const { user: _user, ...rest } = state.members.get(id)!;
    return rest;
  };
  const data = {
    custom_id: input.customId,
    component_type: input.componentType,
    ...(input.values ? { values: input.values } : {}),
    ...(users.length
      ? { resolved: { users: Object.fromEntries(users.map((u) => [u.id, u])), members: Object.fromEntries(users.map((u) => [u.id, member(u.id)])) } }
      : {}),
  };
  return [data as unknown as JsonObject, message];
}

export function modalSubmitData(input: ModalSubmitInput): JsonObject {
  const components = Object.entries(input.values).map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] }));
  return { custom_id: input.customId, components } as unknown as JsonObject;
}
