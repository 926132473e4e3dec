#!/bin/sh
# Writes a new migration: prisma/migrations/<timestamp>_<name>/migration.sql, the SQL that takes the
# schema as committed at FROM_REV (default HEAD) to prisma/schema.prisma as it is now. Schema to
# schema, no database (see docs/stack-pitfalls.md, "Migrations"). Add any hand-written SQL (CHECK
# constraints, functions, triggers) to the file afterwards; prisma/migrate.mjs applies it.
#   scripts/new-migration.sh add_notes                  timestamp: now, UTC
#   scripts/new-migration.sh add_notes 20261205120000   a given timestamp
set -eu
name=${1:?usage: scripts/new-migration.sh <name> [timestamp]}
stamp=${2:-$(date -u +%Y%m%d%H%M%S)}
case $name in *[!a-z0-9_]*) echo "name: lower case, digits and _ only" >&2; exit 2 ;; esac
case $stamp in [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) ;; *) echo "timestamp: 14 digits" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
old=$(mktemp --suffix=.prisma)
trap 'rm -f "$old"' EXIT
git show "${FROM_REV:-HEAD}:prisma/schema.prisma" > "$old"
sql=$(npx prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script)
case $sql in *"This is an empty migration"*) echo "no schema change since ${FROM_REV:-HEAD}" >&2; exit 1 ;; esac
dir="prisma/migrations/${stamp}_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "$dir/migration.sql"
