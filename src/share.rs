//! Share links: `#code=` followed by the program's UTF-8 source in
//! base64url without padding (RFC 4648 §5), so a link is plain ASCII and
//! survives chat apps and address bars.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The fragment's key, with its `=`.
pub const CODE_KEY: &str = "code=";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url; tolerates padding and the standard alphabet's `+/`
/// (links pasted through other tools), rejects anything else.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The program in a location fragment (`#code=...`, possibly among other
/// `&`-separated parts), if it holds valid base64url UTF-8.
pub fn code_from_fragment(fragment: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let value = fragment
        .split('&')
        .find_map(|part| part.strip_prefix(CODE_KEY))?;
    String::from_utf8(decode(value)?).ok()
}

/// The fragment that shares `code`.
pub fn fragment_for(code: &str) -> String {
    format!("#{CODE_KEY}{}", encode(code.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // RFC 4648 §10 test vectors, without padding.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()));
        }
    }

    #[test]
    fn url_alphabet_and_unicode_round_trip() {
        let code = "print('héllo → ✓')\n\t>>>???";
        let frag = fragment_for(code);
        assert!(
            frag[6..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{frag}"
        );
        assert_eq!(code_from_fragment(&frag).as_deref(), Some(code));
        assert_eq!(
            code_from_fragment(&format!("x=1&{}", &frag[1..])).as_deref(),
            Some(code)
        );
    }

    #[test]
    fn bad_fragments_are_ignored() {
        assert_eq!(code_from_fragment("#code=%%%"), None);
        assert_eq!(code_from_fragment("#other=Zm9v"), None);
        assert_eq!(code_from_fragment("#code=_w"), None, "0xFF is not UTF-8");
    }
}
