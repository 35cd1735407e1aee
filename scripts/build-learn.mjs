// Builds the course page (learn.html) into the playground's build, under
// learn/. Trunk runs this after building index.html (the last step of
// post-build.mjs), so `trunk build` and `trunk serve` make the whole site.
// The course is its own wasm binary so the playground's first load does
// not carry the course's pages, content and checker.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { stagingDir } from "./hook-stage.mjs";

// The nested build runs the same hooks; it must not start another one.
if (process.env.LOOPLAB_LEARN_BUILD) process.exit(0);

const stage = stagingDir();
const publicUrl = (process.env.TRUNK_PUBLIC_URL || "/").replace(/\/?$/, "/") + "learn/";
// Trunk reads TRUNK_* variables as settings: hand the nested build none of ours.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("TRUNK_")));
env.LOOPLAB_LEARN_BUILD = "1";
const args = ["build", "learn.html", "--dist", path.join(stage, "learn"), "--public-url", publicUrl];
if (process.env.TRUNK_PROFILE === "release") args.push("--release");
const r = spawnSync("trunk", args, { stdio: "inherit", env });
process.exit(r.status ?? 1);
