//! A strict CSV record reader for id lists (`--from`, the console's paste box).
//!
//! The `csv` crate is forgiving where an id list must not be: it reads `"u1"x` as `u1x` (an id
//! nobody wrote). This reader follows RFC 4180 and refuses instead of guessing:
//!
//! * a field is either unquoted (no `"` anywhere in it) or quoted from its first character,
//!   with `""` for a quote inside; after the closing quote only the delimiter or the end of the
//!   line may follow;
//! * CR, LF and CRLF all end a record outside quotes; inside quotes they are part of the field,
//!   kept as written;
//! * a quote that is never closed is an error naming the line it opened on.
//!
//! Every error names the (1-based) physical line, counting CR, LF and CRLF as one line end.

/// One record: its fields and the physical line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    /// Whether any field was quoted (so `""` is an empty id someone wrote, not a blank line).
    pub quoted: bool,
}

impl Record {
    /// A blank line: one unquoted empty field.
    pub fn is_blank(&self) -> bool {
        !self.quoted && self.fields.len() == 1 && self.fields[0].is_empty()
    }
}

/// The delimiter of the first line, outside quotes: comma, else tab, else semicolon (comma when
/// there is none).
pub fn guess_delimiter(text: &str) -> char {
    let mut quoted = false;
    let mut seen = [false; 3];
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\r' | '\n' if !quoted => break,
            ',' if !quoted => seen[0] = true,
            '\t' if !quoted => seen[1] = true,
            ';' if !quoted => seen[2] = true,
            _ => {}
        }
    }
    [',', '\t', ';'].into_iter().zip(seen).find(|(_, s)| *s).map_or(',', |(d, _)| d)
}

/// Splits `text` (BOM already removed) into records with delimiter `delim`.
pub fn records(text: &str, delim: char) -> Result<Vec<Record>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut rec = Record { line: start, fields: Vec::new(), quoted: false };
        loop {
            // One field.
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                rec.quoted = true;
                let opened = line;
                loop {
                    match chars.next() {
                        None => return Err(format!("line {opened}: a quote is opened and never closed")),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                                line += 1;
                            }
                            field.push(c);
                        }
                    }
                }
                match chars.peek() {
                    None | Some('\r' | '\n') => {}
                    Some(&c) if c == delim => {}
                    Some(_) => return Err(format!("line {line}: text after a closing quote (a quoted field must end at the delimiter or the line end)")),
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == delim || c == '\r' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return Err(format!("line {line}: a quote inside an unquoted field (quote the whole field and double the quote: \"a\"\"b\")"));
                    }
                    field.push(c);
                    chars.next();
                }
            }
            rec.fields.push(field);
            match chars.next() {
                Some(c) if c == delim => continue,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    break;
                }
                Some('\n') => {
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        out.push(rec);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Result<Vec<Vec<String>>, String> {
        Ok(records(text, guess_delimiter(text))?.into_iter().map(|r| r.fields).collect())
    }

    #[test]
    fn quotes_line_ends_and_errors() {
        assert_eq!(fields("a,\"b,\"\"c\"\"\"\r\nd\re").unwrap(), [vec!["a", "b,\"c\""], vec!["d"], vec!["e"]]);
        assert_eq!(fields("\"x\ny\"\n").unwrap(), [vec!["x\ny"]]);
        assert!(fields("u1\n\"u10050\"x\n").unwrap_err().starts_with("line 2: text after a closing quote"));
        assert!(fields("u1\nab\"c\n").unwrap_err().starts_with("line 2: a quote inside"));
        assert!(fields("u1\r\nu2\r\n\"u3\n").unwrap_err().starts_with("line 3: a quote is opened"));
        assert!(fields("\"a\nb\"\n\"c\"d").unwrap_err().starts_with("line 3:"));
        assert_eq!(guess_delimiter("\"a,b\"\tc\n"), '\t');
        assert_eq!(guess_delimiter("a;b\nc,d"), ';');
    }
}
