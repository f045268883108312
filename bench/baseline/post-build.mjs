// Trunk post_build hook of the baseline: only AzSIM's step 1 (external boot loader), no
// service worker.
import { externalizeBoot } from '../../scripts/post-build.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
console.log(`baseline post-build: ${await externalizeBoot(dir, { publicUrl: process.env.TRUNK_PUBLIC_URL || './' })}`);
