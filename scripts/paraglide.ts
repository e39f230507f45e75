// Compile the messages (messages/*.json) into src/lib/paraglide, as the build does,
// so the type check can run on a clean clone before any build.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.ts';

await compile(paraglideOptions);
// The inlang SDK leaves a timer running for half a minute after compiling; we are done.
process.exit(0);
