// Where the project fixture and the repository are, from the compiled test's location (.build/local-org/test/…).
import { fileURLToPath } from 'node:url';

export const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURE = fileURLToPath(new URL('../../../../local-org/test/fixtures/project', import.meta.url));
