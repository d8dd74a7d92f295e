// Builds the portal's CSS and JavaScript from GOV.UK Frontend (installed by npm) into
// portal/static/build/, which is not committed. Run with `npm run build`.
import { compile, NodePackageImporter } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "build");
mkdirSync(out, { recursive: true });

const result = compile(join(here, "scss", "portal.scss"), {
  importers: [new NodePackageImporter()],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "portal.css"), result.css);

const govukJs = join(here, "..", "..", "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js");
copyFileSync(govukJs, join(out, "govuk-frontend.min.js"));
copyFileSync(join(here, "js", "portal.js"), join(out, "portal.js"));
console.log(`built ${out}`);
