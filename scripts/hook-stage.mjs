// The staging directory of the Trunk build a post_build hook runs in
// (TRUNK_STAGING_DIR); a hook run by hand says so and exits.
import path from "node:path";

export function stagingDir() {
  const stage = process.env.TRUNK_STAGING_DIR;
  if (!stage) {
    console.error(`${path.basename(process.argv[1])} runs as Trunk's post_build hook (TRUNK_STAGING_DIR is unset)`);
    process.exit(1);
  }
  return stage;
}
