/** `doctor` (issue 12): run every check (`runDoctor`), print the report (`formatDoctorReport`), and `/wa doctor`. */
export { registerDoctorCommand, type DoctorCommandDeps } from './command';
export { defaultDoctorDeps } from '../../adapters/doctor';
export { formatDoctorReport } from './format';
export { runDoctor, type DoctorDeps } from './run';
export type { DoctorCheck, DoctorReport, DoctorSection } from '../domain/doctor';
