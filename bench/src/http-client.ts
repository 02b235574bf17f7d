// The load client lives beside the fault tests' devices, which use it too.
export { LoadClient } from '../../apps/server/test/support/load-client.js';
