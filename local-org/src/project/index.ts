// src/project: the project's metadata (loadProject), the standard objects local-org describes, and the records
// every org starts with (seedOrg).
export { loadProject, type LoadedProject, type NotificationTypeDefinition } from './load.ts';
export { seedOrg, STANDARD_USER, SYSTEM_ADMINISTRATOR, type SeedOptions, type SeededOrg } from './seed.ts';
export { standardObjects } from './standard-objects.ts';
