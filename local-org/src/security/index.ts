// src/security: object and field permissions, custom and user permissions, record visibility (sharing).
export { createAccessModel, type AccessModel, type FieldAccess, type UserAccess } from './access.ts';
