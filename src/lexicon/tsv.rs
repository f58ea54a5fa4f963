//! A small TSV reader: header row, `#` comments, columns found by name, every bad row
//! reported as a [`LexiconProblem`] instead of an early return.

use std::collections::HashMap;
use std::path::Path;

use crate::error::LexiconProblem;

/// One parsed TSV file: the header's column positions and the data rows.
pub(crate) struct Table<'a> {
    path: &'a Path,
    columns: HashMap<&'a str, usize>,
    rows: Vec<Row<'a>>,
}

/// One data row with its 1-based line number.
pub(crate) struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    cells: Vec<&'a str>,
}

impl<'a> Table<'a> {
    /// Parses `contents`; rows with the wrong number of cells and a missing header are
    /// reported into `problems` and skipped.
    pub fn parse(
        path: &'a Path,
        contents: &'a str,
        required: &[&str],
        problems: &mut Vec<LexiconProblem>,
    ) -> Option<Table<'a>> {
        let contents = contents.strip_prefix('\u{feff}').unwrap_or(contents);
        let mut lines = contents
            .split('\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((header_line, header)) = lines.next() else {
            problems.push(problem(path, 0, "empty file: expected a header row".into()));
            return None;
        };
        let columns: HashMap<&str, usize> = header
            .split('\t')
            .enumerate()
            .map(|(i, c)| (c.trim(), i))
            .collect();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !columns.contains_key(c))
            .collect();
        if !missing.is_empty() {
            let msg = format!(
                "header lacks column(s) {}: found {:?}",
                missing.join(", "),
                header
            );
            problems.push(problem(path, header_line, msg));
            return None;
        }
        let width = header.split('\t').count();
        let mut rows = Vec::new();
        for (line, text) in lines {
            let cells: Vec<&str> = text.split('\t').map(str::trim).collect();
            if cells.len() != width {
                let msg = format!("expected {width} columns, found {}", cells.len());
                problems.push(problem(path, line, msg));
                continue;
            }
            rows.push(Row { line, cells });
        }
        Some(Table {
            path,
            columns,
            rows,
        })
    }

    /// The data rows.
    pub fn rows(&self) -> &[Row<'a>] {
        &self.rows
    }

    /// The cell of `row` in column `name` (empty when the column is absent).
    pub fn get(&self, row: &Row<'a>, name: &str) -> &'a str {
        self.columns
            .get(name)
            .and_then(|&i| row.cells.get(i).copied())
            .unwrap_or("")
    }

    /// The cell of `row` in a required column; reports an empty cell.
    pub fn required(
        &self,
        row: &Row<'a>,
        name: &str,
        problems: &mut Vec<LexiconProblem>,
    ) -> Option<&'a str> {
        let v = self.get(row, name);
        if v.is_empty() {
            problems.push(problem(
                self.path,
                row.line,
                format!("column '{name}' is empty"),
            ));
            return None;
        }
        Some(v)
    }

    /// The `|`-separated values of a cell, trimmed, empties dropped.
    pub fn list(&self, row: &Row<'a>, name: &str) -> Vec<String> {
        split_list(self.get(row, name))
    }
}

/// Splits a `|`-separated cell.
pub(crate) fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A problem at `path:line`.
pub(crate) fn problem(path: &Path, line: usize, message: String) -> LexiconProblem {
    LexiconProblem {
        path: path.to_path_buf(),
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_name_comments_bom_and_crlf() {
        let src = "\u{feff}# generated\r\nname\tid\r\nKaltim\t64\r\n\r\n";
        let mut problems = Vec::new();
        let t = Table::parse(Path::new("x.tsv"), src, &["id", "name"], &mut problems).unwrap();
        assert!(problems.is_empty());
        assert_eq!(t.rows().len(), 1);
        assert_eq!(t.get(&t.rows()[0], "id"), "64");
        assert_eq!(t.rows()[0].line, 3);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let src = "id\tname\n64\n65\tX\n66\n";
        let mut problems = Vec::new();
        let t = Table::parse(Path::new("p.tsv"), src, &["id"], &mut problems).unwrap();
        assert_eq!(t.rows().len(), 1);
        let msgs: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "p.tsv:2: expected 2 columns, found 1",
                "p.tsv:4: expected 2 columns, found 1"
            ]
        );
    }

    #[test]
    fn missing_header_column_and_empty_file() {
        let mut problems = Vec::new();
        assert!(Table::parse(Path::new("a.tsv"), "name\n", &["id"], &mut problems).is_none());
        assert!(Table::parse(Path::new("b.tsv"), "# only\n\n", &["id"], &mut problems).is_none());
        assert_eq!(
            problems[0].to_string(),
            "a.tsv:1: header lacks column(s) id: found \"name\""
        );
        assert_eq!(
            problems[1].to_string(),
            "b.tsv: empty file: expected a header row"
        );
    }
}
