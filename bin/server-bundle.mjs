// The server and CLI as one ES module bundle of src/ (dependencies stay in node_modules), built
// by esbuild — the transformer tsx itself runs on — on first use and again whenever one of the
// files it was built from changed. Loading ~270 TypeScript files one by one through tsx's loader
// thread cost 1.5–3 s of every start on a loaded two-core machine; the bundle loads in one read.
// Nothing is committed: the bundle lives in dist/server/ (ignored), next to the web build.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist/server');
const bundleFile = path.join(outDir, 'tdkt.mjs');
const stampFile = path.join(outDir, 'stamp.json');
/** Bump when the way the bundle is built changes, so old bundles are rebuilt. */
const RECIPE = 2;

/** Whether every file the bundle was built from is still exactly as it was (size and mtime). */
function isFresh() {
  if (![bundleFile, stampFile, path.join(outDir, 'import-worker.mjs')].every((f) => existsSync(f)))
    return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (stamp.recipe !== RECIPE || stamp.root !== root) return false;
  return Object.entries(stamp.inputs).every(([file, seen]) => {
    try {
      const s = statSync(path.join(root, file));
      return s.mtimeMs === seen.mtimeMs && s.size === seen.size;
    } catch {
      return false;
    }
  });
}

/**
 * Each source file's `import.meta.url`, `dirname` and `filename` are replaced by the file's own
 * location, so paths computed from them (migrations folder, web build, fonts) are what they are
 * under tsx, although all the code now runs from dist/server/.
 */
const ownLocation = {
  name: 'own-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents: source, loader: 'ts' };
    });
  },
};

/** The bundles: the CLI and server, and the import reader thread (src/imports/read-rows.ts). */
const ENTRIES = { tdkt: 'src/cli/main.ts', 'import-worker': 'src/imports/read-rows-worker.ts' };

async function build() {
  // esbuild is tsx's own dependency: resolved through tsx, it needs no entry in package.json.
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild');
  const tmpDir = `${outDir}.${process.pid}.tmp`;
  rmSync(tmpDir, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)]),
    ),
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    outdir: tmpDir,
    outExtension: { '.js': '.mjs' },
    define: {
      'process.env.TDKT_IMPORT_WORKER_FILE': JSON.stringify(path.join(outDir, 'import-worker.mjs')),
    },
    metafile: true,
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'bin/server-bundle.mjs']) {
    const s = statSync(path.join(root, file));
    inputs[file] = { mtimeMs: s.mtimeMs, size: s.size };
  }
  // Each file is moved in whole (rename is atomic): a process starting meanwhile reads either
  // the old bundle or the new one, never half of one. The stamp goes last.
  mkdirSync(outDir, { recursive: true });
  for (const name of Object.keys(ENTRIES)) {
    renameSync(path.join(tmpDir, `${name}.mjs.map`), path.join(outDir, `${name}.mjs.map`));
    renameSync(path.join(tmpDir, `${name}.mjs`), path.join(outDir, `${name}.mjs`));
  }
  writeFileSync(path.join(tmpDir, 'stamp.json'), JSON.stringify({ recipe: RECIPE, root, inputs }));
  renameSync(path.join(tmpDir, 'stamp.json'), stampFile);
  rmSync(tmpDir, { recursive: true, force: true });
}

/**
 * The CLI's `main`, from the bundle (built or rebuilt first when needed). Undefined when the
 * bundle cannot be built (esbuild missing, a syntax error): the caller then runs the sources
 * through tsx, which reports the error the usual way.
 */
export async function loadBundledMain() {
  if (!isFresh()) {
    try {
      await build();
    } catch (err) {
      process.stderr.write(
        `(không dựng được bản gói máy chủ, chạy trực tiếp mã nguồn: ${err.message.split('\n')[0]})\n`,
      );
      return undefined;
    }
  }
  // Stack traces name the TypeScript files and lines, as under tsx.
  process.setSourceMapsEnabled(true);
  const { main } = await import(pathToFileURL(bundleFile).href);
  return main;
}
