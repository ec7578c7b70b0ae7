#!/usr/bin/env python3
"""Kit benchmarks: Sleet's CLI against drizzle-kit, the jOOQ code generator and Flyway.

Started by run.sh, which builds what is needed first. Every measured command runs as its own
process (a cold JVM or node each time) under GNU time, which reports its peak resident memory;
wall time is measured around it. Each figure is the median of several runs.

  bench.py --root REPO --synth gen_synth_schema.py --drizzle DIR [N ...]

Environment: PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres, trust auth), BENCH_WORK (scratch
folder, default /tmp/sleet-bench), BENCH_ONLY (comma list of groups: pull, generate, migrate,
javac, jooq, drizzle, flyway), BENCH_RUNS (runs per measurement, default 5 for 100 tables and
fewer above), BENCH_DRIZZLE_PULL_RUNS_1000 (default 1: one drizzle-kit pull of 1,000 tables
takes minutes), BENCH_REAL (comma list of NAME=PATH: real schemas for the `real` group, e.g.
rnacentral=/work/corpus/rnacentral/schema.sql; see docs/real-schemas/).
"""
import argparse
import datetime
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PG_HOST = os.environ.get("PGHOST", "127.0.0.1")
PG_PORT = os.environ.get("PGPORT", "5432")
PG_USER = os.environ.get("PGUSER", "postgres")
WORK = os.path.abspath(os.environ.get("BENCH_WORK", "/tmp/sleet-bench"))
GROUPS = ["pull", "generate", "migrate", "javac", "jooq", "drizzle", "flyway", "real"]
TARGET_DB = "sleet_bench_target"
# javac's default 1 MiB thread stack overflows (StackOverflowError) on jOOQ's code for 1,000 tables;
# both javac runs get the same larger stack.
JAVAC_STACK = "-J-Xss64m"


def log(msg):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def psql(db, sql=None, file=None):
    cmd = ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-q", "-v", "ON_ERROR_STOP=1"]
    cmd += ["-c", sql] if sql is not None else ["-f", file]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def recreate(db):
    psql("postgres", f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    psql("postgres", f'CREATE DATABASE "{db}"')


def table_count(db):
    """Tables in db's public schema, or -1 when the database does not exist."""
    p = subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-Atc",
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"], capture_output=True, text=True)
    return int(p.stdout.strip()) if p.returncode == 0 else -1


def count_tables(db, expected):
    """Checks that a migrate run really created the tables (besides the tools' own tracking tables)."""
    out = subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-Atc",
                          "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'flyway%'"],
                         check=True, capture_output=True, text=True).stdout.strip()
    if int(out) != expected:
        raise RuntimeError(f"expected {expected} tables in {db} after migrating, found {out}")


def jdbc(db):
    return f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{db}"


def pg_url(db):
    return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{db}"


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def run_once(cmd, cwd, env, logname):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS in KiB)."""
    os.makedirs(os.path.join(WORK, "logs"), exist_ok=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        timefile = tf.name
    logfile = os.path.join(WORK, "logs", logname + ".log")
    full_env = dict(os.environ)
    full_env.update(env or {})
    with open(logfile, "w") as out:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", timefile] + cmd, cwd=cwd, env=full_env,
                              stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - start
    with open(timefile) as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    os.unlink(timefile)
    if proc.returncode != 0:
        with open(logfile) as f:
            tail = f.read()[-4000:]
        raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode} (in {cwd}):\n{tail}")
    return wall, int(lines[-1])


def dump_class_archive(cmd, cwd, env, prepare, after, logname):
    """./sleet maps a class-data archive that its first run of a build dumps; so does the bench: an
    untimed first run dumps the archive that the timed runs then map."""
    archive = next((a.split("=", 1)[1] for a in cmd if a.startswith("-XX:SharedArchiveFile=")), None)
    if archive is None or os.path.exists(archive):
        return
    os.makedirs(os.path.dirname(archive), exist_ok=True)
    dump = [f"-XX:ArchiveClassesAtExit={archive}" if a.startswith("-XX:SharedArchiveFile=") else a for a in cmd]
    if prepare:
        prepare()
    run_once(dump, cwd, env, logname + "_cds_dump")
    if after:
        after()


def measure(results, key, cmd, cwd, runs, env=None, prepare=None, after=None):
    dump_class_archive(cmd, cwd, env, prepare, after, key.replace("/", "_"))
    walls, rss = [], []
    load = os.getloadavg()[0]
    for i in range(runs):
        if prepare:
            prepare()
        wall, peak = run_once(cmd, cwd, env, key.replace("/", "_") + f"_{i}")
        if after:
            after()
        walls.append(wall)
        rss.append(peak)
        log(f"  {key} run {i + 1}/{runs}: {wall:.2f} s, {peak / 1024:.0f} MiB")
    results[key] = {
        "wall_s": statistics.median(walls), "rss_mib": statistics.median(rss) / 1024,
        "runs": runs, "walls": [round(w, 3) for w in walls], "rss_kib": rss,
        "cmd": " ".join(cmd), "measured": datetime.datetime.now().isoformat(timespec="seconds"),
        # The machine is shared: the 1-minute load average before the runs tells how busy it was.
        "load_before": round(load, 2),
    }
    save(results)
    return results[key]


def save(results):
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)


def toml_string(text):
    return json.dumps(text, ensure_ascii=False)


def write_sleet_config(folder, db, out="./migrations", schema=None, schemas=None):
    lines = ['dialect = "postgresql"', f'out = "{out}"', 'package = "bench.schema"']
    if schema:
        lines.append("schema = [" + ", ".join(f'"{s}"' for s in schema) + "]")
    if schemas:
        lines.append("schemaFilter = [" + ", ".join(toml_string(s) for s in schemas) + "]")
    lines += ["", "[dbCredentials]", f'host = "{PG_HOST}"', f"port = {PG_PORT}", f'user = "{PG_USER}"',
              f'database = "{db}"', "ssl = false", ""]
    with open(os.path.join(folder, "sleet.toml"), "w") as f:
        f.write("\n".join(lines))


def write_drizzle_config(drizzle):
    with open(os.path.join(drizzle, "drizzle.config.ts"), "w") as f:
        f.write("""import { defineConfig } from "drizzle-kit";

// Written by sleet-bench/bench.py: every path and the database come from the environment.
export default defineConfig({
  dialect: "postgresql",
  out: process.env.BENCH_OUT!,
  schema: process.env.BENCH_SCHEMA || "./unused-schema.ts",
  schemaFilter: process.env.BENCH_SCHEMAS ? JSON.parse(process.env.BENCH_SCHEMAS) : undefined,
  dbCredentials: { url: process.env.BENCH_URL! },
});
""")


def sleet_java_options(root):
    """The JVM options the ./sleet script starts the CLI with (its opts=(...) line), plus $SLEET_JAVA_OPTS."""
    with open(os.path.join(root, "sleet")) as f:
        for line in f:
            if line.startswith("opts=("):
                options = [w for w in line[len("opts=("):].rstrip().rstrip(")").split() if w.startswith("-X")]
                return options + os.environ.get("SLEET_JAVA_OPTS", "").split()
    raise RuntimeError("cannot find the opts=(...) line of ./sleet")


class Bench:
    def __init__(self, args):
        self.root = args.root
        self.synth = args.synth
        self.drizzle = args.drizzle
        # The CLI as ./sleet starts it (same JVM options), from a copy of its jar and lib taken now, so
        # that editing or rebuilding the repository during a run cannot change what is measured.
        cli = os.path.join(WORK, "sleet-cli")
        shutil.rmtree(cli, ignore_errors=True)
        shutil.copytree(os.path.join(self.root, "sleet-cli", "target", "lib"), os.path.join(cli, "lib"))
        shutil.copy(os.path.join(self.root, "sleet-cli", "target", "sleet-cli-0.1.0-SNAPSHOT.jar"), cli)
        self.sleet_options = sleet_java_options(self.root)
        self.sleet_classpath = os.path.join(cli, "sleet-cli-0.1.0-SNAPSHOT.jar") + ":" + os.path.join(cli, "lib", "*")
        shutil.rmtree(os.path.join(WORK, "cds"), ignore_errors=True)
        self.lib = os.path.join(self.root, "sleet-bench", "target", "lib")
        self.core_jar = os.path.join(self.root, "sleet-core", "target", "sleet-core-0.1.0-SNAPSHOT.jar")
        self.bench_jar = os.path.join(self.root, "sleet-bench", "target", "sleet-bench-0.1.0-SNAPSHOT.jar")
        only = os.environ.get("BENCH_ONLY")
        self.groups = only.split(",") if only else GROUPS
        path = os.path.join(WORK, "results.json")
        self.results = json.load(open(path)) if os.path.exists(path) else {}
        write_drizzle_config(self.drizzle)

    def sleet(self, command):
        """The CLI as ./sleet runs it from its second run of a build on: with the command's class archive."""
        archive = os.path.join(WORK, "cds", command + ".jsa")
        return ["java", *self.sleet_options, f"-XX:SharedArchiveFile={archive}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", self.sleet_classpath, "dev.sleet.cli.Main", command]

    def runs(self, n, slow=False):
        if "BENCH_RUNS" in os.environ:
            return int(os.environ["BENCH_RUNS"])
        return 5 if n <= 100 and not slow else 3

    def drizzle_kit(self, *args):
        return ["node", os.path.join(self.drizzle, "node_modules", "drizzle-kit", "bin.cjs"), *args,
                "--config", "drizzle.config.ts"]

    # ---- one table count -----------------------------------------------------------------

    def tables(self, n):
        source_db = f"sleet_bench_src_{n}"
        base = fresh_dir(os.path.join(WORK, f"n{n}")) if not os.path.isdir(os.path.join(WORK, f"n{n}")) \
            else os.path.join(WORK, f"n{n}")
        sql = os.path.join(base, "schema.sql")
        log(f"{n} tables: {source_db} from {os.path.basename(self.synth)}")
        with open(sql, "w") as f:
            subprocess.run([sys.executable, self.synth, str(n), "--dialect", "pg"], check=True, stdout=f)
        if table_count(source_db) == n:
            log(f"{source_db} already holds the {n} tables: not loaded again")
        else:
            recreate(source_db)
            psql(source_db, file=sql)
            # Statistics on the freshly grown catalogs, so that no tool pays for autovacuum catching up.
            psql(source_db, sql="VACUUM ANALYZE")
        r = self.results

        # Sleet pull: Schema.java, Relations.java, the first (pulled) migration and its snapshot.
        pull_dir = os.path.join(base, "sleet-pull")
        pulled = os.path.join(pull_dir, "migrations")
        if "pull" in self.groups or not os.path.exists(os.path.join(pulled, "Schema.java")):
            os.makedirs(pull_dir, exist_ok=True)
            write_sleet_config(pull_dir, source_db)
            measure(r, f"pull/{n}/sleet", self.sleet("pull"), pull_dir, self.runs(n),
                    prepare=lambda: shutil.rmtree(pulled, ignore_errors=True))

        # Sleet generate from the pulled code into a fresh migrations folder, with a cold compile cache.
        gen_dir = os.path.join(base, "sleet-generate")
        generated = os.path.join(gen_dir, "migrations")
        if "generate" in self.groups or "migrate" in self.groups and not os.path.isdir(generated):
            fresh_dir(os.path.join(gen_dir, "schema"))
            for name in ("Schema.java", "Relations.java"):
                shutil.copy(os.path.join(pulled, name), os.path.join(gen_dir, "schema", name))
            write_sleet_config(gen_dir, source_db, schema=["./schema/Schema.java", "./schema/Relations.java"])
            cache = os.path.join(gen_dir, "cache")

            def fresh_generate():
                shutil.rmtree(generated, ignore_errors=True)
                shutil.rmtree(cache, ignore_errors=True)
            measure(r, f"generate/{n}/sleet", self.sleet("generate"), gen_dir, self.runs(n),
                    env={"SLEET_CACHE_DIR": cache}, prepare=fresh_generate)

        # Sleet migrate: the generated migration into an empty database.
        if "migrate" in self.groups:
            mig_dir = os.path.join(base, "sleet-migrate")
            os.makedirs(mig_dir, exist_ok=True)
            write_sleet_config(mig_dir, TARGET_DB, out=generated)
            measure(r, f"migrate/{n}/sleet", self.sleet("migrate"), mig_dir, self.runs(n),
                    prepare=lambda: recreate(TARGET_DB), after=lambda: count_tables(TARGET_DB, n))

        # jOOQ's code generator on the same database.
        jooq_out = os.path.join(base, "jooq", "src")
        if "jooq" in self.groups or "javac" in self.groups and not os.path.isdir(jooq_out):
            cfg = os.path.join(base, "jooq", "jooq.xml")
            os.makedirs(os.path.dirname(cfg), exist_ok=True)
            with open(cfg, "w") as f:
                f.write(f"""<configuration xmlns="http://www.jooq.org/xsd/jooq-codegen-3.19.0.xsd">
  <logging>WARN</logging>
  <jdbc>
    <driver>org.postgresql.Driver</driver>
    <url>{jdbc(source_db)}</url>
    <user>{PG_USER}</user>
    <password></password>
  </jdbc>
  <generator>
    <database>
      <name>org.jooq.meta.postgres.PostgresDatabase</name>
      <inputSchema>public</inputSchema>
    </database>
    <target>
      <packageName>bench.jooq</packageName>
      <directory>{jooq_out}</directory>
    </target>
  </generator>
</configuration>
""")
            measure(r, f"jooq/{n}/jooq", ["java", "-cp", self.lib + "/*", "org.jooq.codegen.GenerationTool", cfg],
                    base, self.runs(n), prepare=lambda: shutil.rmtree(jooq_out, ignore_errors=True))

        # javac on what each generator wrote.
        if "javac" in self.groups:
            classes = os.path.join(base, "javac-classes")
            sleet_sources = [os.path.join(pulled, "Schema.java"), os.path.join(pulled, "Relations.java")]
            measure(r, f"javac/{n}/sleet", ["javac", JAVAC_STACK, "-d", classes, "-cp", self.core_jar] + sleet_sources, base,
                    self.runs(n), prepare=lambda: fresh_dir(classes))
            jooq_sources = sorted(glob.glob(os.path.join(jooq_out, "**", "*.java"), recursive=True))
            argfile = os.path.join(base, "jooq", "sources.txt")
            with open(argfile, "w") as f:
                f.write("\n".join(jooq_sources) + "\n")
            r[f"javac/{n}/jooq-files"] = {"files": len(jooq_sources),
                                           "lines": sum(sum(1 for _ in open(s)) for s in jooq_sources)}
            r[f"javac/{n}/sleet-files"] = {"files": 2, "lines": sum(sum(1 for _ in open(s)) for s in sleet_sources)}
            measure(r, f"javac/{n}/jooq", ["javac", JAVAC_STACK, "-d", classes, "-cp", self.lib + "/*", "@" + argfile], base,
                    self.runs(n, slow=True), prepare=lambda: fresh_dir(classes))

        # drizzle-kit pull, generate (from the pulled schema.ts) and migrate (into an empty database).
        if "drizzle" in self.groups:
            d_out = os.path.join(base, "drizzle-pull")
            pull_runs = int(os.environ.get("BENCH_DRIZZLE_PULL_RUNS_1000", "1")) if n >= 1000 else self.runs(n)
            measure(r, f"pull/{n}/drizzle", self.drizzle_kit("pull"), self.drizzle, pull_runs,
                    env={"BENCH_OUT": d_out, "BENCH_URL": pg_url(source_db)},
                    prepare=lambda: shutil.rmtree(d_out, ignore_errors=True))
            # The schema must sit where drizzle-orm resolves, i.e. inside the drizzle folder.
            d_schema = os.path.join(self.drizzle, f"bench-schema-{n}.ts")
            with open(os.path.join(d_out, "schema.ts")) as f:
                schema_ts = f.read()
            # drizzle-kit 0.31 pulls every column of a multi-column index with the first column's
            # operator class (here int4_ops on the varchar "name"), so its own migrate then fails
            # with "operator class int4_ops does not accept data type character varying". Put the
            # right class back so that generate and migrate can be measured at all.
            fixed = schema_ts.replace('table.name.asc().nullsLast().op("int4_ops")',
                                      'table.name.asc().nullsLast().op("text_ops")')
            r[f"drizzle/{n}/opclass-fixes"] = {"replaced": schema_ts.count('table.name.asc().nullsLast().op("int4_ops")')}
            with open(d_schema, "w") as f:
                f.write(fixed)
            d_gen = os.path.join(base, "drizzle-generate")
            measure(r, f"generate/{n}/drizzle", self.drizzle_kit("generate"), self.drizzle, self.runs(n),
                    env={"BENCH_OUT": d_gen, "BENCH_URL": pg_url(TARGET_DB), "BENCH_SCHEMA": d_schema},
                    prepare=lambda: shutil.rmtree(d_gen, ignore_errors=True))
            measure(r, f"migrate/{n}/drizzle", self.drizzle_kit("migrate"), self.drizzle, self.runs(n),
                    env={"BENCH_OUT": d_gen, "BENCH_URL": pg_url(TARGET_DB), "BENCH_SCHEMA": d_schema},
                    prepare=lambda: recreate(TARGET_DB), after=lambda: count_tables(TARGET_DB, n))
        r[f"tables/{n}"] = {"tables": n}
        save(r)

    # ---- real public schemas (BENCH_REAL) ------------------------------------------------

    def real(self, name, path):
        """Pull of a real schema (all its schemas) by Sleet and drizzle-kit, and migrate of Sleet's pulled history."""
        source_db = f"sleet_bench_real_{name.replace('-', '_')}"
        base = fresh_dir(os.path.join(WORK, f"real-{name}"))
        log(f"real schema {name}: {source_db} from {path}")
        recreate(source_db)
        psql(source_db, file=path)
        psql(source_db, sql="VACUUM ANALYZE")
        schemas = subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", source_db, "-Atc",
                                  "SELECT nspname FROM pg_namespace n WHERE nspname NOT IN ('pg_catalog', 'information_schema') "
                                  "AND nspname NOT LIKE 'pg\\_%' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE "
                                  "d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e') ORDER BY 1"],
                                 check=True, capture_output=True, text=True).stdout.split("\n")
        schemas = [x for x in schemas if x]
        tables = subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", source_db, "-Atc",
                                 "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (string_to_array(%s, ','))"
                                 % ("'" + ",".join(schemas).replace("'", "''") + "'")],
                                check=True, capture_output=True, text=True).stdout.strip()
        r = self.results
        r[f"real/{name}"] = {"schemas": len(schemas), "tables": int(tables)}
        pull_dir = os.path.join(base, "sleet-pull")
        pulled = os.path.join(pull_dir, "migrations")
        os.makedirs(pull_dir)
        write_sleet_config(pull_dir, source_db, schemas=schemas)
        runs = int(os.environ.get("BENCH_RUNS", "3"))
        measure(r, f"real/{name}/pull/sleet", self.sleet("pull"), pull_dir, runs,
                prepare=lambda: shutil.rmtree(pulled, ignore_errors=True))
        mig_dir = os.path.join(base, "sleet-migrate")
        os.makedirs(mig_dir)
        write_sleet_config(mig_dir, TARGET_DB, out=pulled)
        try:
            measure(r, f"real/{name}/migrate/sleet", self.sleet("migrate"), mig_dir, runs, prepare=lambda: recreate(TARGET_DB))
        except RuntimeError as e:
            # Recorded rather than fatal: the pull figures still stand, and the report says why migrate has none.
            r[f"real/{name}/migrate/sleet"] = {"failed": str(e)[-600:]}
            save(r)
            log(f"  sleet migrate of the pulled {name} history failed")
        d_out = os.path.join(base, "drizzle-pull")
        try:
            measure(r, f"real/{name}/pull/drizzle", self.drizzle_kit("pull"), self.drizzle, runs,
                    env={"BENCH_OUT": d_out, "BENCH_URL": pg_url(source_db), "BENCH_SCHEMAS": json.dumps(schemas)},
                    prepare=lambda: shutil.rmtree(d_out, ignore_errors=True))
        except RuntimeError as e:
            # Likewise: drizzle-kit 0.31 stops on some real schemas (postgrest's: "invalid name syntax").
            r[f"real/{name}/pull/drizzle"] = {"failed": str(e)[-600:]}
            save(r)
            log(f"  drizzle-kit pull of {name} failed")

    # ---- 200 small migration files ------------------------------------------------------

    def flyway(self):
        count = 200
        base = fresh_dir(os.path.join(WORK, "migrations200"))
        fly = os.path.join(base, "flyway")
        sleet_dir = os.path.join(base, "sleet")
        sleet_out = os.path.join(sleet_dir, "migrations")
        os.makedirs(fly)
        os.makedirs(os.path.join(sleet_out, "meta"))
        entries = []
        for i in range(1, count + 1):
            k = (i + 1) // 2
            if i % 2 == 1:
                statements = [f'CREATE TABLE "m_{k:03d}" ("id" serial PRIMARY KEY, "name" text NOT NULL, '
                              f'"created_at" timestamptz NOT NULL DEFAULT now());']
            else:
                statements = [f'ALTER TABLE "m_{k:03d}" ADD COLUMN "note" varchar(100);',
                              f'CREATE INDEX "m_{k:03d}_note_idx" ON "m_{k:03d}" USING btree ("note");']
            text = "\n--> statement-breakpoint\n".join(statements) + "\n"   # a comment line to Flyway
            with open(os.path.join(fly, f"V{i}__step_{i:03d}.sql"), "w") as f:
                f.write(text)
            tag = f"{i - 1:04d}_step_{i:03d}"
            with open(os.path.join(sleet_out, tag + ".sql"), "w") as f:
                f.write(text)
            entries.append({"idx": i - 1, "tag": tag, "when": 1767225600000 + i, "breakpoints": True})
        with open(os.path.join(sleet_out, "meta", "_journal.json"), "w") as f:
            json.dump({"version": 1, "dialect": "postgresql", "entries": entries}, f, indent=2)
            f.write("\n")
        write_sleet_config(sleet_dir, TARGET_DB)
        r = self.results
        runs = self.runs(100)
        fly_cmd = ["java", "-cp", self.bench_jar + ":" + self.lib + "/*", "dev.sleet.bench.FlywayMigrate",
                   jdbc(TARGET_DB), PG_USER, fly]
        measure(r, "flyway200/apply/flyway", fly_cmd, base, runs, prepare=lambda: recreate(TARGET_DB),
                after=lambda: count_tables(TARGET_DB, count // 2))
        measure(r, "flyway200/noop/flyway", fly_cmd, base, runs)
        measure(r, "flyway200/apply/sleet", self.sleet("migrate"), sleet_dir, runs, prepare=lambda: recreate(TARGET_DB),
                after=lambda: count_tables(TARGET_DB, count // 2))
        measure(r, "flyway200/noop/sleet", self.sleet("migrate"), sleet_dir, runs)

    # ---- the machine and the versions -----------------------------------------------------

    def environment(self):
        def out(cmd):
            try:
                p = subprocess.run(cmd, capture_output=True, text=True)
                return (p.stdout + p.stderr).strip().splitlines()[0]
            except (OSError, IndexError):
                return "?"
        cpu = "?"
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        mem = "?"
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"

        def npm_version(pkg):
            try:
                return json.load(open(os.path.join(self.drizzle, "node_modules", pkg, "package.json")))["version"]
            except OSError:
                return "?"
        jars = sorted(os.path.basename(j) for j in glob.glob(os.path.join(self.lib, "*.jar")))
        self.results["environment"] = {
            "cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": platform.platform(),
            "java": out(["java", "-version"]), "node": out(["node", "--version"]),
            "postgresql": out(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", "postgres", "-Atc",
                               "SELECT version()"]),
            "drizzle-kit": npm_version("drizzle-kit"), "drizzle-orm": npm_version("drizzle-orm"),
            "pg (node)": npm_version("pg"),
            "jars": [j for j in jars if j.startswith(("jooq", "flyway", "postgresql"))],
            "sleet": out(["git", "-C", self.root, "rev-parse", "--short", "HEAD"]),
        }
        save(self.results)


def report(results):
    """A markdown table of medians with ratios against Sleet."""
    def cell(key):
        v = results.get(key)
        return None if v is None else v

    def fmt(v):
        if v and "failed" in v:
            return "failed"
        return f"{v['wall_s']:.2f} s / {v['rss_mib']:.0f} MiB" if v else "—"

    def ratio(peer, sleet, what):
        if not peer or not sleet or "failed" in peer or "failed" in sleet:
            return "—"
        return f"{peer[what] / sleet[what]:.1f}×"

    ns = sorted(int(k.split("/")[1]) for k in results if k.startswith("tables/"))
    rows = ["| measurement | tables | Sleet (median wall / peak RSS) | peer | peer (median wall / peak RSS) "
            "| peer ÷ Sleet, time | peer ÷ Sleet, memory |", "|---|---|---|---|---|---|---|"]
    pairs = [("pull", "pull", "drizzle", "drizzle-kit pull"),
             ("pull", "jooq", "jooq", "jOOQ codegen"),
             ("generate", "generate", "drizzle", "drizzle-kit generate"),
             ("migrate", "migrate", "drizzle", "drizzle-kit migrate"),
             ("javac", "javac", "jooq", "javac on jOOQ's output")]
    names = {"pull": "`sleet pull`", "generate": "`sleet generate` (cold compile cache)",
             "migrate": "`sleet migrate` (empty database)", "javac": "javac on Sleet's Schema.java + Relations.java"}
    for n in ns:
        for sleet_group, peer_group, peer, peer_name in pairs:
            s = cell(f"{sleet_group}/{n}/sleet")
            p = cell(f"{peer_group}/{n}/{peer}")
            if s is None and p is None:
                continue
            runs = f" ({p['runs']} run{'s' if p['runs'] > 1 else ''})" if p and p["runs"] < 3 else ""
            rows.append(f"| {names[sleet_group]} | {n} | {fmt(s)} | {peer_name}{runs} | {fmt(p)} "
                        f"| {ratio(p, s, 'wall_s')} | {ratio(p, s, 'rss_mib')} |")
    for phase, label in (("apply", "200 files into an empty database"), ("noop", "again, nothing pending")):
        s = cell(f"flyway200/{phase}/sleet")
        p = cell(f"flyway200/{phase}/flyway")
        if s or p:
            rows.append(f"| `sleet migrate`, {label} | — | {fmt(s)} | Flyway migrate | {fmt(p)} "
                        f"| {ratio(p, s, 'wall_s')} | {ratio(p, s, 'rss_mib')} |")
    for key in sorted(k for k in results if k.startswith("real/") and k.count("/") == 1):
        name = key.split("/")[1]
        size = results[key]
        s = cell(f"real/{name}/pull/sleet")
        p = cell(f"real/{name}/pull/drizzle")
        m = cell(f"real/{name}/migrate/sleet")
        label = f"{name} ({size['tables']} tables, {size['schemas']} schemas)"
        rows.append(f"| `sleet pull`, real schema | {label} | {fmt(s)} | drizzle-kit pull | {fmt(p)} "
                    f"| {ratio(p, s, 'wall_s')} | {ratio(p, s, 'rss_mib')} |")
        if m:
            rows.append(f"| `sleet migrate` of the pulled history | {label} | {fmt(m)} | — | — | — | — |")
    growth = []
    if len(ns) >= 2:
        lo, hi = ns[0], ns[-1]
        for key, label in (("pull/{}/sleet", "sleet pull"), ("generate/{}/sleet", "sleet generate"),
                           ("migrate/{}/sleet", "sleet migrate"), ("pull/{}/drizzle", "drizzle-kit pull"),
                           ("jooq/{}/jooq", "jOOQ codegen"), ("javac/{}/jooq", "javac on jOOQ output"),
                           ("javac/{}/sleet", "javac on Sleet output")):
            a, b = cell(key.format(lo)), cell(key.format(hi))
            if a and b:
                growth.append(f"| {label} | {a['wall_s']:.2f} s | {b['wall_s']:.2f} s | {b['wall_s'] / a['wall_s']:.1f}× |")
    text = "\n".join(rows) + "\n"
    if growth:
        text += (f"\n| growth, {ns[0]} → {ns[-1]} tables | {ns[0]} | {ns[-1]} | ratio |\n|---|---|---|---|\n"
                 + "\n".join(growth) + "\n")
    sizes = [f"| {n} | {results[f'javac/{n}/sleet-files']['lines']:,} lines in 2 files "
             f"| {results[f'javac/{n}/jooq-files']['lines']:,} lines in {results[f'javac/{n}/jooq-files']['files']:,} files |"
             for n in ns if f"javac/{n}/jooq-files" in results]
    if sizes:
        text += "\n| tables | Sleet's pulled code | jOOQ's generated code |\n|---|---|---|\n" + "\n".join(sizes) + "\n"
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--synth", required=True)
    ap.add_argument("--drizzle", required=True)
    ap.add_argument("--report-only", action="store_true")
    ap.add_argument("n", nargs="*", type=int)
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    bench = Bench(args)
    if not args.report_only:
        bench.environment()
        for n in args.n or [100, 1000]:
            if any(g in bench.groups for g in GROUPS if g not in ("flyway", "real")):
                bench.tables(n)
        if "flyway" in bench.groups:
            bench.flyway()
        if "real" in bench.groups:
            for entry in filter(None, os.environ.get("BENCH_REAL", "").split(",")):
                name, path = entry.split("=", 1)
                bench.real(name, os.path.abspath(path))
    text = report(bench.results)
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(text)
    print(text)
    log(f"results in {WORK}/results.json and results.md; logs in {WORK}/logs")


if __name__ == "__main__":
    main()
