# The JVM options wkmp-ai.jar runs with (sourced by ./wkmp-ai and bench/lib.sh, not run):
#   java_opts JAR [COMMAND]   sets the array java_opts and cds_dump
# java_opts: WKMP_JAVA_OPTS when set (used as it is), else scripts/java-options (a heap sized for the job, serial GC)
# plus an application class-data archive (AppCDS) beside the jar, JAR without .jar + .jsa: the classes an import
# loads (about 2,900, 700 of them lambdas and method handles spun at run time), already parsed, verified and linked,
# saving about 0.6 s of CPU at every start. The archive is written at the exit of the first import or serve run of
# a jar (any JVM option may be given to the dumping run) and written again when the jar is newer; the JVM ignores an
# archive that does not match its jar, and -Xlog:cds*=off keeps its CDS notes off stdout (--json output).
# cds_dump: the file that run writes the archive to (empty when none is written); call cds_done after the run to
# move it into place (a per-process name, so two first runs at once cannot write one file together).
java_opts() {
  local jar="$1" command="${2:-}" jsa here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  cds_dump=""
  if [[ -n "${WKMP_JAVA_OPTS:-}" ]]; then
    read -r -a java_opts <<<"$WKMP_JAVA_OPTS"
    return
  fi
  read -r -a java_opts <"$here/java-options"
  jsa="${jar%.jar}.jsa"
  java_opts+=("-Xlog:cds*=off")
  if [[ -f "$jsa" && "$jsa" -nt "$jar" ]]; then
    java_opts+=("-XX:SharedArchiveFile=$jsa")
  elif [[ "$command" == import || "$command" == serve ]]; then
    cds_dump="$jsa.$$.tmp"
    java_opts+=("-XX:ArchiveClassesAtExit=$cds_dump")
  fi
}

# Moves the archive written by the run into place (see java_opts); does nothing when none was written.
cds_done() {
  if [[ -n "${cds_dump:-}" && -s "$cds_dump" ]]; then
    mv -f "$cds_dump" "${cds_dump%.*.tmp}"
  fi
  rm -f "${cds_dump:-}"
}
