// Copies the minified browser files of the explorer's JavaScript libraries, with their licences,
// from node_modules (filled by `npm ci` from the npm registry) into the Python package, where they
// are committed as vendored assets. Nothing is fetched at run time: the server only serves these files.
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const nm = join(here, "node_modules");
const out = join(here, "..", "src", "marsad", "web", "static", "vendor");

// [package, [[source file in the package, target name], ...]]
const files = [
  ["leaflet", [["dist/leaflet.js", "leaflet.js"], ["dist/leaflet.css", "leaflet.css"],
               ["dist/images", "images"], ["LICENSE", "LICENSE"]]],
  ["leaflet.markercluster", [["dist/leaflet.markercluster.js", "leaflet.markercluster.js"],
                             ["dist/MarkerCluster.css", "MarkerCluster.css"],
                             ["MIT-LICENCE.txt", "LICENSE"]]],
  ["chart.js", [["dist/chart.umd.min.js", "chart.umd.min.js"], ["LICENSE.md", "LICENSE"]]],
  ["cytoscape", [["dist/cytoscape.min.js", "cytoscape.min.js"], ["LICENSE", "LICENSE"]]],
  ["topojson-client", [["dist/topojson-client.min.js", "topojson-client.min.js"], ["LICENSE", "LICENSE"]]],
  // Natural Earth admin-0 boundaries (public domain) as TopoJSON, 1:50m, packaged by world-atlas (ISC).
  ["world-atlas", [["countries-50m.json", "countries-50m.json"], ["LICENSE", "LICENSE"]]],
  ["swagger-ui-dist", [["swagger-ui-bundle.js", "swagger-ui-bundle.js"], ["swagger-ui.css", "swagger-ui.css"],
                       ["swagger-ui-bundle.js.LICENSE.txt", "swagger-ui-bundle.js.LICENSE.txt"],
                       ["LICENSE", "LICENSE"], ["NOTICE", "NOTICE"]]],
];

rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [pkg, items] of files) {
  const meta = JSON.parse(readFileSync(join(nm, pkg, "package.json"), "utf8"));
  versions[pkg] = { version: meta.version, license: meta.license };
  mkdirSync(join(out, pkg), { recursive: true });
  for (const [src, dst] of items) {
    cpSync(join(nm, pkg, src), join(out, pkg, dst), { recursive: true });
  }
}
// Strip the source-map comment from the files whose maps we do not ship (avoids 404 noise in dev tools).
for (const f of ["chart.js/chart.umd.min.js", "leaflet/leaflet.js", "leaflet.markercluster/leaflet.markercluster.js",
                 "swagger-ui-dist/swagger-ui-bundle.js", "cytoscape/cytoscape.min.js"]) {
  const p = join(out, f);
  writeFileSync(p, readFileSync(p, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log("vendored into", out);
