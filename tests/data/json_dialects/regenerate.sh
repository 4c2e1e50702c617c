#!/usr/bin/env bash
# Reruns the real serialisers on the probe documents and rewrites their outputs, which
# src/canonical/json/tests.rs compares byte for byte with what each Dialect renders.
#
#   probes/<probe>.json       the documents every tool parses (inputs)
#   <dialect>/<probe>.json    one tool's exact output on that probe, no newline added
#
# Each dialect directory keeps the probes the tests check for it: this script rewrites the files
# that are there and adds none. Never run in CI (it needs every runtime); commit its output.
# Versions that wrote the committed files:
#   Node 20.20.2, CPython 3.11.7, PHP 8.2.36, Go 1.19.8, serde_json 1.0.154, Ruby 3.1.7 with
#   ActiveSupport 6.1.7, Jackson 2.14 and Gson 2.10 on OpenJDK 17.0.15.
# Where a newer version of a tool behaves differently, the dialect models the newer one and the
# test applies `fixups` to the older output (see the comments there): regenerate with the
# versions above, or review the fixups.
#
# Usage: tests/data/json_dialects/regenerate.sh [dialect ...]   (default: every dialect whose
# tool is installed; missing tools are skipped with a note). Jackson and Gson need their jars:
# JACKSON_CP=jackson-databind.jar:jackson-core.jar:jackson-annotations.jar, GSON_CP=gson.jar.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run_each DIALECT COMMAND...: COMMAND reads a probe on stdin and writes the output on stdout.
run_each() {
    local dialect=$1
    shift
    for out in "$dialect"/*.json; do
        "$@" <"probes/$(basename "$out")" >"$work/out"
        mv "$work/out" "$out"
    done
    echo "rewrote $dialect/"
}

have() { command -v "$1" >/dev/null 2>&1; }

node_stringify() {
    node -e 'process.stdout.write(JSON.stringify(JSON.parse(require("fs").readFileSync(0, "utf8")), null, '"$1"'))'
}

python_dumps() {
    python3 -c 'import json,sys; sys.stdout.buffer.write(json.dumps(json.loads(sys.stdin.buffer.read())'"$1"').encode())'
}

php_encode() {
    php -r 'echo json_encode(json_decode(file_get_contents("php://stdin")'"$1"')'"$2"');'
}

go_tool() {
    # go_map: json.Marshal of an any; go_encoder: json.NewEncoder(w).Encode of it; go_html_safe:
    # document order as a struct would keep it, from the json.Decoder token stream, each key,
    # string and number (as float64) written by json.Marshal.
    if [ ! -x "$work/gojson" ]; then
        cat >"$work/main.go" <<'GO'
package main

import (
	"encoding/json"
	"io"
	"os"
	"strconv"
)

func main() {
	input, _ := io.ReadAll(os.Stdin)
	switch os.Args[1] {
	case "map":
		var v any
		must(json.Unmarshal(input, &v))
		out, err := json.Marshal(v)
		must(err)
		os.Stdout.Write(out)
	case "encoder":
		var v any
		must(json.Unmarshal(input, &v))
		must(json.NewEncoder(os.Stdout).Encode(v))
	case "ordered":
		ordered(input)
	}
}

// ordered re-emits the token stream in document order.
func ordered(input []byte) {
	dec := json.NewDecoder(bytesReader(input))
	dec.UseNumber()
	type frame struct {
		object bool
		count  int
	}
	var stack []frame
	var out []byte
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		must(err)
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			out = append(out, byte(d))
			continue
		}
		if n := len(stack); n > 0 {
			top := &stack[n-1]
			if top.object {
				if top.count%2 == 0 && top.count > 0 {
					out = append(out, ',')
				} else if top.count%2 == 1 {
					out = append(out, ':')
				}
			} else if top.count > 0 {
				out = append(out, ',')
			}
			top.count++
		}
		switch t := tok.(type) {
		case json.Delim:
			out = append(out, byte(t))
			stack = append(stack, frame{object: t == '{'})
		case json.Number:
			f, err := strconv.ParseFloat(string(t), 64)
			must(err)
			b, err := json.Marshal(f)
			must(err)
			out = append(out, b...)
		default:
			b, err := json.Marshal(t)
			must(err)
			out = append(out, b...)
		}
	}
	os.Stdout.Write(out)
}

type reader struct{ b []byte }

func (r *reader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func bytesReader(b []byte) io.Reader { return &reader{b} }

func must(err error) {
	if err != nil {
		panic(err)
	}
}
GO
        (cd "$work" && GO111MODULE=off go build -o gojson main.go)
    fi
    "$work/gojson" "$1"
}

serde_tool() {
    if [ ! -x "$work/serde/target/release/serde-vector" ]; then
        mkdir -p "$work/serde/src"
        cat >"$work/serde/Cargo.toml" <<'TOML'
[package]
name = "serde-vector"
version = "0.0.0"
edition = "2021"

[dependencies]
serde_json = "=1.0.154"
TOML
        cat >"$work/serde/src/main.rs" <<'RS'
use std::io::{Read, Write};

fn main() {
    let mut probe = Vec::new();
    std::io::stdin().read_to_end(&mut probe).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&probe).unwrap();
    std::io::stdout().write_all(&serde_json::to_vec(&value).unwrap()).unwrap();
}
RS
        (cd "$work/serde" && cargo build --quiet --release)
    fi
    "$work/serde/target/release/serde-vector"
}

java_tool() {
    # $1: classpath, $2: the Java expression that turns `probe` (a String) into the output.
    local class=$3
    if [ ! -f "$work/$class.class" ]; then
        cat >"$work/$class.java" <<JAVA
import java.nio.charset.StandardCharsets;

public class $class {
    public static void main(String[] args) throws Exception {
        String probe = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        $2
    }
}
JAVA
        javac -cp "$1" -d "$work" "$work/$class.java"
    fi
    java -cp "$1:$work" "$class"
}

jackson() {
    local out
    case $1 in
        plain) out='System.out.write(mapper.writeValueAsString(mapper.readTree(probe)).getBytes(StandardCharsets.UTF_8));' ;;
        pretty) out='System.out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(probe)).getBytes(StandardCharsets.UTF_8));' ;;
        bytes) out='System.out.write(mapper.writeValueAsBytes(mapper.readTree(probe)));' ;;
    esac
    java_tool "$JACKSON_CP" "com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper(); $out System.out.flush();" "Jackson_$1"
}

gson() {
    java_tool "$GSON_CP" 'System.out.write(new com.google.gson.Gson().toJson(com.google.gson.JsonParser.parseString(probe)).getBytes(StandardCharsets.UTF_8)); System.out.flush();' Gson
}

rails() {
    ruby -rjson -ractive_support -ractive_support/json -e 'print JSON.parse(STDIN.read).to_json'
}

regenerate() {
    case $1 in
        js_compact) have node && run_each "$1" node_stringify null ;;
        js_pretty_2) have node && run_each "$1" node_stringify 2 ;;
        python_default) have python3 && run_each "$1" python_dumps '' ;;
        python_compact) have python3 && run_each "$1" python_dumps ', separators=(",", ":")' ;;
        python_compact_unicode) have python3 && run_each "$1" python_dumps ', separators=(",", ":"), ensure_ascii=False' ;;
        python_default_unicode) have python3 && run_each "$1" python_dumps ', ensure_ascii=False' ;;
        python_sorted) have python3 && run_each "$1" python_dumps ', sort_keys=True' ;;
        php_default) have php && run_each "$1" php_encode '' '' ;;
        php_unescaped_slashes) have php && run_each "$1" php_encode '' ', JSON_UNESCAPED_SLASHES' ;;
        php_assoc) have php && run_each "$1" php_encode ', true' '' ;;
        php_pretty) have php && run_each "$1" php_encode '' ', JSON_PRETTY_PRINT' ;;
        go_map) have go && run_each "$1" go_tool map ;;
        go_encoder) have go && run_each "$1" go_tool encoder ;;
        go_html_safe) have go && run_each "$1" go_tool ordered ;;
        compact_sorted) have cargo && run_each "$1" serde_tool ;;
        rails) ruby -ractive_support -e '' 2>/dev/null && run_each "$1" rails ;;
        jackson) [ -n "${JACKSON_CP:-}" ] && run_each "$1" jackson plain ;;
        jackson_pretty) [ -n "${JACKSON_CP:-}" ] && run_each "$1" jackson pretty ;;
        jackson_bytes) [ -n "${JACKSON_CP:-}" ] && run_each "$1" jackson bytes ;;
        gson) [ -n "${GSON_CP:-}" ] && run_each "$1" gson ;;
        *)
            echo "unknown dialect $1" >&2
            exit 2
            ;;
    esac || echo "skipped $1: its tool is not installed"
}

if [ $# -eq 0 ]; then
    set -- $(ls -d */ | tr -d / | grep -v '^probes$')
fi
for dialect in "$@"; do
    regenerate "$dialect"
done
