/** fr: what a card button's click answers, the first-contact menu's lines, Slack's "working on it" (keys and variables: ../en/actions.ts). */
import type { Catalogue } from '../shape';

export const actions: Pick<Catalogue, 'cardActions' | 'menu' | 'working' | 'requeue' | 'done' | 'commandFailed'> = {
  cardActions: {
    unknownConversation: 'Le bridge ne connaît plus cette conversation.',
    wrongChannel: 'Ce bouton appartient à une conversation d’un autre canal : utilisez-le dans le canal où apparaissent les conversations de ce numéro.',
    pickSomeone: 'Choisissez d’abord la personne dans le menu.',
    formTo: 'À : *{{customer}}*',
    pickTemplate: 'Choisissez le template à envoyer à {{customer}} :',
    pickTemplatePlaceholder: 'Choisir un template',
    tooManyFields: 'Ce template demande plus de valeurs qu’un formulaire n’en contient : envoyez-le avec `{{line}}`.',
    noTemplates: 'Aucun template approuvé n’est synchronisé pour ce numéro. Lancez `/wa sync`, ou voyez `/wa templates`.',
  },
  menu: {
    movedTo: '🤖 menu : le client a choisi {{choice}} → dirigée vers {{account}} : la conversation continue dans {{where}}',
    movedFrom: '🤖 menu : le client a choisi {{choice}} ; la conversation jusqu’ici : {{from}}',
    chose: '🤖 menu : le client a choisi {{choice}} → {{outcome}}',
    routedHere: 'dirigée vers {{account}}',
    labelled: 'étiquette {{label}}',
    noAnswer: 'aucun choix en {{minutes}} min (route par défaut)',
    stays: 'reste ici',
    cardLabel: '🏷️ Étiquette : *{{label}}*',
    channel: 'canal {{channel}}',
  },
  requeue: {
    conversation: 'conversation {{id}}',
    all: 'toutes les conversations',
    nothing: 'Aucune livraison en échec ou en pause dans {{where}}.',
    done_one: '{{count}} livraison remise en file dans {{where}} :',
    done_other: '{{count}} livraisons remises en file dans {{where}} :',
    paused: 'en pause : {{code}}',
    failed: 'en échec : {{error}}',
    unknown: 'inconnu',
  },
  done: 'Fait.',
  commandFailed: '⚠️ La commande a échoué : {{error}}. Réessayez ; si l’échec persiste, prévenez l’administrateur du bridge.',
  working: '⏳ En cours : la réponse suit ici.',
};
