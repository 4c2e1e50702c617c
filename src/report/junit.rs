//! JUnit XML for CI systems: one testcase per delivery, the failure message is the first
//! cause. Test cases are streamed to a side file so that memory stays bounded; the final
//! file, whose header needs the totals, is assembled at the end.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::batch::{Row, Summary};

/// Writes JUnit XML for a batch with bounded memory: test cases stream to a side file and the
/// final file is assembled once the totals are known. (Kept by hand: `quick-junit` builds the
/// whole report in memory, which a batch of millions of deliveries must not.)
pub struct JunitWriter {
    path: PathBuf,
    partial: PathBuf,
    cases: BufWriter<File>,
}

impl JunitWriter {
    /// Starts a report that [`JunitWriter::finish`] writes to `path`.
    pub fn create(path: &Path) -> std::io::Result<JunitWriter> {
        let partial = path.with_extension("xml.partial");
        let cases = BufWriter::new(File::create(&partial)?);
        Ok(JunitWriter {
            path: path.to_owned(),
            partial,
            cases,
        })
    }

    /// Adds one delivery's test case.
    pub fn row(&mut self, row: &Row) -> std::io::Result<()> {
        let name = escape(&row.source);
        match &row.result {
            Ok(o) => {
                let class = escape(&o.provider);
                write!(
                    self.cases,
                    "    <testcase classname=\"hookcheck.{class}\" name=\"{name}\""
                )?;
                match o.causes.first() {
                    None => writeln!(self.cases, "/>"),
                    Some(c) => writeln!(
                        self.cases,
                        ">\n      <failure message=\"{}\" type=\"{}\"/>\n    </testcase>",
                        escape(&c.summary),
                        c.code.id()
                    ),
                }
            }
            Err(e) => writeln!(
                self.cases,
                "    <testcase classname=\"hookcheck\" name=\"{name}\">\n      <error message=\"{}\" type=\"{}\"/>\n    </testcase>",
                escape(&e.to_string()),
                e.code()
            ),
        }
    }

    /// Writes the report with its totals and removes the side file.
    pub fn finish(mut self, summary: &Summary, seconds: f64) -> std::io::Result<()> {
        self.cases.flush()?;
        drop(self.cases);
        let mut out = BufWriter::new(File::create(&self.path)?);
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"hookcheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{seconds:.3}\">",
            summary.total, summary.failed, summary.errors
        )?;
        writeln!(
            out,
            "  <testsuite name=\"hookcheck batch\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"{seconds:.3}\">",
            summary.total, summary.failed, summary.errors
        )?;
        std::io::copy(&mut File::open(&self.partial)?, &mut out)?;
        writeln!(out, "  </testsuite>\n</testsuites>")?;
        out.flush()?;
        std::fs::remove_file(&self.partial)
    }
}

/// XML attribute text: markup characters escaped, control characters (illegal in XML 1.0) dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            // XML 1.0 allows neither other C0 controls, surrogates (not in a `str`) nor
            // U+FFFE/U+FFFF, not even as references: show them as `\u{..}` text instead.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("\\u{{{:04X}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}
