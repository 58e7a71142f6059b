/**
 * What values a template needs (header, body and button variables), how the words of a `/wa template` line or a
 * form's inputs become those values, their checks before anything reaches Meta, the request's components,
 * and the template's text with its variables filled in. Pure functions: no I/O.
 *
 * One file per job under variables/: shape.ts (slots and form fields), assign.ts (command-line words → values),
 * values.ts (one value checked → a parameter), build.ts (all values → the request), render.ts (how it reads).
 */
export { assignArgs, type Assignment } from './variables/assign';
export { buildMessage, type Built } from './variables/build';
export { describeTemplate, exampleCommand, quoteArg, renderTemplate } from './variables/render';
export { fieldsOf, templateShape, variablesIn, type MediaKind, type Slot, type SlotKind, type TemplateShape } from './variables/shape';
export { checkValue } from './variables/values';
