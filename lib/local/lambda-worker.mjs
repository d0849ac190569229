// Worker-thread entry for one local Lambda function. Plain JS so it loads without a
// TypeScript loader; it registers tsx, then hands over to lambda-runtime.ts.
import { register } from 'tsx/esm/api';

register();
await import('./lambda-runtime.ts');
