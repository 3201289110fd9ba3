//! A minimal HTTP/1.1 GET on loopback, to count the body bytes nginx sends for a file as a
//! browser asks for it (`Accept-Encoding: gzip`), still compressed.

use anyhow::{bail, Context, Result};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// An answer: its status, its `Content-Encoding` (`identity` if none), and its body as sent
/// (still compressed; chunked transfer encoding removed).
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub encoding: String,
    pub body: Vec<u8>,
}

/// GET `path` from 127.0.0.1:`port`, asking for gzip; 10 s at most.
pub fn get(port: u16, path: &str) -> Result<Answer> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let timeout = Duration::from_secs(10);
    let mut stream = TcpStream::connect_timeout(&addr, timeout)
        .with_context(|| format!("cannot connect to {addr}"))?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .with_context(|| format!("cannot read the answer for {path} from {addr}"))?;
    parse(&raw).with_context(|| format!("bad HTTP answer for {path} from {addr}"))
}

/// Parses a whole HTTP/1.1 answer.
pub fn parse(raw: &[u8]) -> Result<Answer> {
    let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        bail!("no end of headers");
    };
    let head = std::str::from_utf8(&raw[..end]).context("headers are not UTF-8")?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("bad status line {status_line:?}"))?;
    let mut encoding = "identity".to_string();
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-encoding") {
            encoding = value.to_string();
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        }
    }
    let body = &raw[end + 4..];
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    Ok(Answer {
        status,
        encoding,
        body,
    })
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = data.windows(2).position(|w| w == b"\r\n") else {
            bail!("truncated chunk size");
        };
        let size_text = std::str::from_utf8(&data[..eol])?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .with_context(|| format!("bad chunk size {size_text:?}"))?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size + 2 {
            bail!("truncated chunk");
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_gzip_answers_count_the_compressed_bytes() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/css\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n5\r\nabcde\r\n3;x=y\r\nfgh\r\n0\r\n\r\n";
        let a = parse(raw).unwrap();
        assert_eq!(a.status, 200);
        assert_eq!(a.encoding, "gzip");
        assert_eq!(a.body, b"abcdefgh");
    }

    #[test]
    fn plain_answers() {
        let a = parse(b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno").unwrap();
        assert_eq!(
            (a.status, a.encoding.as_str(), a.body.len()),
            (404, "identity", 2)
        );
    }
}
