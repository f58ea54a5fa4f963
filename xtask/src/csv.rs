//! A small RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes).

/// Parses CSV text into records of fields. A trailing newline does not make an empty
/// record; CRLF line ends are accepted. A BOM at the start is skipped.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    // Whether the current record has any content (to skip blank lines).
    let mut started = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                started = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                started = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if started || !field.is_empty() {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                started = false;
            }
            _ => {
                field.push(c);
                started = true;
            }
        }
    }
    if started || !field.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn quoted_fields() {
        let r = parse("code,name\r\n35.29.22,\"Ra\"\"as\"\n1,\"a,b\"\n\n2,\"x\ny\"");
        assert_eq!(r.len(), 4);
        assert_eq!(r[1], vec!["35.29.22", "Ra\"as"]);
        assert_eq!(r[2], vec!["1", "a,b"]);
        assert_eq!(r[3], vec!["2", "x\ny"]);
    }

    #[test]
    fn empty_fields_and_no_trailing_newline() {
        let r = parse("\u{feff}a,,c\nd,e,");
        assert_eq!(r, vec![vec!["a", "", "c"], vec!["d", "e", ""]]);
    }
}
