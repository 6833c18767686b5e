//! Safe URL fetching: the only place newsdesk touches the network on a user's behalf.
//!
//! A link pasted into Discord is untrusted, so every hop is checked before anything is
//! sent: only `http`/`https`; the host is resolved here and every address it resolves to
//! must be a public unicast address (no loopback, private, link-local, CGNAT, multicast,
//! unspecified, broadcast, reserved or cloud-metadata address — IPv4-mapped and other
//! IPv6 forms that embed an IPv4 address are judged by the embedded address); the
//! connection is then pinned to exactly the addresses that were checked, so a DNS answer
//! that changes between the check and the connect (rebinding) cannot redirect it.
//! Redirects are followed here, hop by hop, with the same checks (at most
//! `max_redirects`). The body must be text (by `Content-Type`, or sniffed when there is
//! none), is capped while it streams, and the whole exchange — every hop, every byte —
//! shares one deadline, so a server trickling a byte at a time is cut off at the deadline
//! rather than kept alive by a per-read timeout.
//!
//! `allow_private` (from `NEWSDESK_ALLOW_PRIVATE_URLS`) lifts the private-network checks for
//! self-hosted setups and tests; cloud-metadata endpoints stay refused even then, because
//! no article lives there and their credentials must never leak into a channel.

use crate::config::{Config, FetchLimits, human_size, vars};
use crate::error::{Error, Result};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;
use url::{Host, Url};

/// Default cap on a fetched page, in bytes (5 MB), as in `config::FetchLimits`.
pub const DEFAULT_MAX_BYTES: usize = 5_000_000;
/// Default deadline for the whole fetch, redirects and body included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default number of redirects followed before giving up.
pub const DEFAULT_MAX_REDIRECTS: usize = 5;

/// Content types accepted as article text. Anything else is refused, except that a
/// response without a type is sniffed.
const TEXT_TYPES: [&str; 4] = [
    "text/html",
    "text/plain",
    "text/markdown",
    "application/xhtml+xml",
];

/// Host names that reach cloud instance-metadata services.
const METADATA_HOSTS: [&str; 3] = [
    "metadata.google.internal",
    "metadata.goog",
    "metadata.azure.internal",
];

/// How far a fetch may go. Callers build it from the configuration; `Default` gives the
/// documented defaults with private addresses refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Largest body accepted, in bytes.
    pub max_bytes: usize,
    /// Deadline for the whole fetch: DNS, connects, redirects and the body.
    pub timeout: Duration,
    /// Redirects followed before refusing.
    pub max_redirects: usize,
    /// Allow loopback/private/link-local targets (self-hosting, tests). Metadata
    /// endpoints stay refused.
    pub allow_private: bool,
    /// Sent as `User-Agent`.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            timeout: DEFAULT_TIMEOUT,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            allow_private: false,
            user_agent: concat!("newsdesk/", env!("CARGO_PKG_VERSION"), " (article reader)")
                .to_string(),
        }
    }
}

impl From<&FetchLimits> for FetchOptions {
    fn from(limits: &FetchLimits) -> Self {
        FetchOptions {
            max_bytes: limits.max_bytes,
            timeout: limits.timeout,
            max_redirects: limits.max_redirects,
            allow_private: limits.allow_private,
            ..FetchOptions::default()
        }
    }
}

impl FetchOptions {
    /// The fetch limits of the environment's configuration (`NEWSDESK_MAX_FETCH_BYTES`,
    /// `NEWSDESK_FETCH_TIMEOUT`, `NEWSDESK_MAX_REDIRECTS`, `NEWSDESK_ALLOW_PRIVATE_URLS`);
    /// a malformed value is an error naming the setting.
    pub fn from_env() -> Result<FetchOptions> {
        FetchOptions::from_lookup(|k| std::env::var(k).ok())
    }

    /// [`FetchOptions::from_env`] over any source of settings (a test's table).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<FetchOptions> {
        Config::from_lookup(lookup).map(|c| FetchOptions::from(&c.limits.fetch))
    }
}

/// A fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    /// The `Content-Type` header as sent (with its charset), or the sniffed type.
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// What kind of address an IP is, as far as fetching goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressClass {
    Public,
    Loopback,
    /// RFC 1918 and IPv6 unique-local (fc00::/7).
    Private,
    /// 169.254/16 and fe80::/10.
    LinkLocal,
    /// 100.64/10, carrier-grade NAT.
    SharedCgnat,
    Multicast,
    Unspecified,
    Broadcast,
    /// 0/8, 192.0.0/24, documentation and benchmarking ranges, 240/4, deprecated
    /// site-local IPv6 and other ranges that are not public unicast.
    Reserved,
    /// A cloud instance-metadata endpoint (169.254.169.254, fd00:ec2::254, …).
    CloudMetadata,
}

impl AddressClass {
    /// Why an address of this class is refused, for the user.
    fn refusal(self) -> &'static str {
        match self {
            AddressClass::Public => "",
            AddressClass::CloudMetadata => {
                "That address is a cloud metadata service; newsdesk never fetches it. Link to a public web page instead."
            }
            AddressClass::Loopback => {
                "That address points back at the machine newsdesk runs on; newsdesk only fetches public web pages."
            }
            _ => "That address is on a private network; newsdesk only fetches public web pages.",
        }
    }
}

/// Classifies an IP address. IPv6 addresses that embed an IPv4 address
/// (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the embedded address.
pub fn classify_ip(ip: IpAddr) -> AddressClass {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let [a, b, c, _] = ip.octets();
    if ip == Ipv4Addr::new(169, 254, 169, 254) || ip == Ipv4Addr::new(100, 100, 100, 200) {
        // AWS/GCP/Azure/OpenStack, and Alibaba Cloud's metadata address.
        return AddressClass::CloudMetadata;
    }
    if ip.is_unspecified() {
        AddressClass::Unspecified
    } else if ip.is_broadcast() {
        AddressClass::Broadcast
    } else if ip.is_loopback() {
        AddressClass::Loopback
    } else if ip.is_private() {
        AddressClass::Private
    } else if ip.is_link_local() {
        AddressClass::LinkLocal
    } else if a == 100 && (b & 0xc0) == 64 {
        AddressClass::SharedCgnat
    } else if ip.is_multicast() {
        AddressClass::Multicast
    } else if a == 0                                   // "this network"
        || (a == 192 && b == 0 && c == 0)              // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)              // TEST-NET-1
        || (a == 198 && b == 51 && c == 100)           // TEST-NET-2
        || (a == 203 && b == 0 && c == 113)            // TEST-NET-3
        || (a == 198 && (b & 0xfe) == 18)              // benchmarking 198.18/15
        || (a == 192 && b == 88 && c == 99)            // 6to4 relay anycast
        || a >= 240
    {
        AddressClass::Reserved
    } else {
        AddressClass::Public
    }
}

fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    let seg = ip.segments();
    if ip == Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254) {
        return AddressClass::CloudMetadata;
    }
    if let Some(v4) = embedded_v4(ip) {
        return classify_v4(v4);
    }
    if ip.is_unspecified() {
        AddressClass::Unspecified
    } else if ip.is_loopback() {
        AddressClass::Loopback
    } else if ip.is_multicast() {
        AddressClass::Multicast
    } else if (seg[0] & 0xfe00) == 0xfc00 {
        AddressClass::Private
    } else if (seg[0] & 0xffc0) == 0xfe80 {
        AddressClass::LinkLocal
    } else if (seg[0] & 0xffc0) == 0xfec0          // deprecated site-local
        || (seg[0] == 0x2001 && seg[1] == 0x0db8)    // documentation
        || (seg[0] == 0x2001 && seg[1] == 0)         // Teredo: tunnels to anywhere
        || (seg[0] == 0x0100 && seg[1..4] == [0, 0, 0]) // discard-only 100::/64
        || (seg[0] & 0xe000) != 0x2000
    // only 2000::/3 is allocated global unicast
    {
        AddressClass::Reserved
    } else {
        AddressClass::Public
    }
}

/// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d),
/// NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::) address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let seg = ip.segments();
    let low =
        |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    // IPv4-compatible, but not :: and ::1 themselves.
    if seg[..6] == [0; 6] && (seg[6] != 0 || seg[7] > 1) {
        return Some(low(seg[6], seg[7]));
    }
    if seg[0] == 0x0064 && seg[1] == 0xff9b && seg[2..6] == [0; 4] {
        return Some(low(seg[6], seg[7]));
    }
    if seg[0] == 0x2002 {
        return Some(low(seg[1], seg[2]));
    }
    None
}

/// Refuses an address newsdesk must not connect to. With `allow_private`, only
/// cloud-metadata endpoints are refused.
pub fn check_ip(ip: IpAddr, allow_private: bool) -> Result<()> {
    match classify_ip(ip) {
        AddressClass::Public => Ok(()),
        AddressClass::CloudMetadata => {
            Err(Error::Fetch(AddressClass::CloudMetadata.refusal().into()))
        }
        _ if allow_private => Ok(()),
        class => Err(Error::Fetch(class.refusal().into())),
    }
}

/// Parses a user's URL and checks what can be checked without the network: the scheme,
/// the presence of a host, and metadata host names and literal IP addresses.
pub fn check_url(raw: &str, allow_private: bool) -> Result<Url> {
    let trimmed = raw.trim().trim_start_matches('<').trim_end_matches('>');
    let url = Url::parse(trimmed).map_err(|_| {
        Error::Fetch(format!(
            "`{}` is not a web address I can read. Paste the full link, starting with https://.",
            shorten(trimmed, 100)
        ))
    })?;
    check_parsed_url(&url, allow_private)?;
    Ok(url)
}

fn check_parsed_url(url: &Url, allow_private: bool) -> Result<()> {
    match url.scheme() {
        "http" | "https" => {}
        other => {
            return Err(Error::Fetch(format!(
                "newsdesk only fetches http:// and https:// links, not {other}: ones. Paste a web page's address."
            )));
        }
    }
    match url.host() {
        None => Err(Error::Fetch(
            "That link has no host name. Paste the full link, starting with https://.".into(),
        )),
        Some(Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            if METADATA_HOSTS.contains(&d.as_str()) {
                return Err(Error::Fetch(AddressClass::CloudMetadata.refusal().into()));
            }
            if d.is_empty() {
                return Err(Error::Fetch(
                    "That link has no host name. Paste the full link, starting with https://."
                        .into(),
                ));
            }
            Ok(())
        }
        Some(Host::Ipv4(v4)) => check_ip(IpAddr::V4(v4), allow_private),
        Some(Host::Ipv6(v6)) => check_ip(IpAddr::V6(v6), allow_private),
    }
}

/// Resolves the URL's host and checks every address; returns the checked addresses, which
/// the connection is then pinned to.
async fn resolve_checked(
    url: &Url,
    allow_private: bool,
    resolver: Resolver<'_>,
) -> Result<Vec<SocketAddr>> {
    let port = url.port_or_known_default().unwrap_or(80);
    let addrs: Vec<SocketAddr> = match url.host() {
        Some(Host::Ipv4(v4)) => vec![SocketAddr::new(IpAddr::V4(v4), port)],
        Some(Host::Ipv6(v6)) => vec![SocketAddr::new(IpAddr::V6(v6), port)],
        Some(Host::Domain(d)) => {
            let not_found = |_| {
                Error::Fetch(format!(
                    "I could not find the site `{}`. Check the link for typos.",
                    shorten(d, 100)
                ))
            };
            match resolver {
                Resolver::System => tokio::net::lookup_host((d, port))
                    .await
                    .map_err(not_found)?
                    .collect(),
                Resolver::Custom(resolve) => resolve(d, port).map_err(not_found)?,
            }
        }
        None => Vec::new(),
    };
    if addrs.is_empty() {
        return Err(Error::Fetch(
            "That site's name does not lead to any address. Check the link for typos.".into(),
        ));
    }
    // Every address must pass: refusing when any fails keeps a name with one public and
    // one private record from being used to reach the private one.
    for addr in &addrs {
        check_ip(addr.ip(), allow_private)?;
    }
    Ok(addrs)
}

/// A host-name resolver for [`fetch_with_resolver`]: name and port to addresses.
pub type ResolveFn = dyn Fn(&str, u16) -> std::io::Result<Vec<SocketAddr>> + Send + Sync;

/// Where host names are looked up.
#[derive(Clone, Copy)]
enum Resolver<'a> {
    System,
    Custom(&'a ResolveFn),
}

/// Fetches a web page for ingestion, following redirects itself and checking each hop.
pub async fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched> {
    fetch_via(url, opts, Resolver::System).await
}

/// [`fetch`] with host names looked up by `resolve` instead of the system resolver. The
/// addresses it returns are checked and then pinned exactly as system answers are — this is
/// how tests show that the connection goes to the checked address and nowhere else.
pub async fn fetch_with_resolver(
    url: &str,
    opts: &FetchOptions,
    resolve: &ResolveFn,
) -> Result<Fetched> {
    fetch_via(url, opts, Resolver::Custom(resolve)).await
}

async fn fetch_via(url: &str, opts: &FetchOptions, resolver: Resolver<'_>) -> Result<Fetched> {
    let start = check_url(url, opts.allow_private)?;
    match tokio::time::timeout(opts.timeout, fetch_checked(start, opts, resolver)).await {
        Ok(result) => result,
        Err(_) => Err(deadline_error(opts)),
    }
}

fn deadline_error(opts: &FetchOptions) -> Error {
    Error::Fetch(format!(
        "The site took longer than {} to send the page, so I stopped ({}). Try again later, or upload the article as a file.",
        human_duration(opts.timeout),
        vars::FETCH_TIMEOUT
    ))
}

/// [`fetch`] for synchronous callers: runs on a fresh thread with its own runtime, so it
/// works from a plain thread (the console) and from inside `spawn_blocking` (the bot)
/// alike, without touching the caller's runtime.
pub fn fetch_blocking(url: &str, opts: &FetchOptions) -> Result<Fetched> {
    let url = url.to_string();
    let opts = opts.clone();
    let worker = std::thread::Builder::new()
        .name("newsdesk-fetch".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| {
                    Error::Fetch(format!(
                        "Could not start the network worker ({e}). Try again."
                    ))
                })?;
            runtime.block_on(fetch(&url, &opts))
        })?;
    worker.join().unwrap_or_else(|_| {
        Err(Error::Fetch(
            "Fetching the page failed unexpectedly. Try again, or upload the article as a file."
                .into(),
        ))
    })
}

async fn fetch_checked(
    mut url: Url,
    opts: &FetchOptions,
    resolver: Resolver<'_>,
) -> Result<Fetched> {
    let mut redirects = 0usize;
    loop {
        check_parsed_url(&url, opts.allow_private)?;
        let addrs = resolve_checked(&url, opts.allow_private, resolver).await?;
        let client = pinned_client(&url, &addrs, opts)?;
        let response = client
            .get(url.clone())
            .header(
                reqwest::header::ACCEPT,
                "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9",
            )
            .send()
            .await
            .map_err(|e| transport_error(&e, opts))?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| Error::Fetch(format!("The site answered {status} without saying where to go. Try the final link directly.")))?;
            if redirects >= opts.max_redirects {
                return Err(Error::Fetch(format!(
                    "The link redirects more than {} times, so I stopped. Open it in a browser and paste the final address.",
                    opts.max_redirects
                )));
            }
            redirects += 1;
            url = url.join(location).map_err(|_| {
                Error::Fetch("The site redirected to an address I cannot read. Open the link in a browser and paste the final address.".into())
            })?;
            continue;
        }
        if !status.is_success() {
            return Err(Error::Fetch(status_message(status)));
        }
        return read_body(url, response, opts).await;
    }
}

/// A client that connects only to `addrs` for this URL's host, follows no redirects and
/// ignores proxy settings from the environment (a proxy would resolve names itself).
fn pinned_client(url: &Url, addrs: &[SocketAddr], opts: &FetchOptions) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(opts.timeout)
        .connect_timeout(opts.timeout)
        .user_agent(opts.user_agent.clone());
    if let Some(Host::Domain(d)) = url.host() {
        builder = builder.resolve_to_addrs(d, addrs);
    }
    builder
        .build()
        .map_err(|e| Error::Fetch(format!("Could not set up the connection ({e}). Try again.")))
}

async fn read_body(
    url: Url,
    mut response: reqwest::Response,
    opts: &FetchOptions,
) -> Result<Fetched> {
    let declared_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if let Some(ct) = &declared_type {
        let essence = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !TEXT_TYPES.contains(&essence.as_str()) {
            return Err(Error::Fetch(format!(
                "That link is {}, not a web page or text. Link to the article itself, or upload it as a file.",
                describe_type(&essence)
            )));
        }
    }
    let too_big = || {
        Error::Fetch(format!(
            "The page is larger than {} ({}). Upload the article text as a file instead.",
            human_size(opts.max_bytes),
            vars::MAX_FETCH_BYTES
        ))
    };
    if response
        .content_length()
        .is_some_and(|n| n > opts.max_bytes as u64)
    {
        return Err(too_big());
    }
    let mut bytes: Vec<u8> = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| transport_error(&e, opts))?
    {
        if bytes.len().saturating_add(chunk.len()) > opts.max_bytes {
            return Err(too_big());
        }
        bytes.extend_from_slice(&chunk);
    }
    let content_type = match declared_type {
        Some(ct) => ct,
        None => sniff(&bytes)
            .ok_or_else(|| {
                Error::Fetch("That link does not lead to text (it looks like a binary file). Link to the article itself, or upload it as a file.".into())
            })?
            .to_string(),
    };
    Ok(Fetched {
        final_url: url.to_string(),
        content_type,
        bytes,
    })
}

/// Guesses the type of an untyped body: HTML, plain text, or `None` for binary data.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const BINARY_MAGIC: [&[u8]; 12] = [
        b"\x89PNG",
        b"GIF8",
        b"\xff\xd8\xff",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"BM",
        b"RIFF",
        b"\x7fELF",
        b"MZ",
        b"OggS",
        b"ID3",
    ];
    let head = &bytes[..bytes.len().min(1024)];
    if BINARY_MAGIC.iter().any(|m| head.starts_with(m)) {
        return None;
    }
    // Text has no NULs and few control characters (UTF-16 text has NULs; it is rare on
    // the web without a Content-Type and refused here).
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.contains(&0) || controls * 20 > head.len().max(1) {
        return None;
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let lead = lower.trim_start_matches('\u{feff}').trim_start();
    if [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<p>",
        "<div",
    ]
    .iter()
    .any(|t| lead.starts_with(t))
    {
        Some("text/html")
    } else {
        Some("text/plain")
    }
}

fn transport_error(e: &reqwest::Error, opts: &FetchOptions) -> Error {
    if e.is_timeout() {
        deadline_error(opts)
    } else if e.is_connect() {
        Error::Fetch("I could not connect to that site. Check the link, or try again later.".into())
    } else {
        Error::Fetch("The connection to the site broke off while reading the page. Try again, or upload the article as a file.".into())
    }
}

fn status_message(status: reqwest::StatusCode) -> String {
    let code = status.as_u16();
    match code {
        401 | 403 => format!(
            "The site refused access ({status}); it may need a login or block bots. Paste or upload the article text instead."
        ),
        404 | 410 => format!("The site says that page does not exist ({status}). Check the link."),
        429 => {
            format!("The site is rate-limiting requests ({status}). Try again in a few minutes.")
        }
        500..=599 => format!(
            "The site had an error ({status}). Try again later, or upload the article as a file."
        ),
        _ => format!(
            "The site answered {status} instead of the page. Check the link, or upload the article as a file."
        ),
    }
}

fn describe_type(essence: &str) -> String {
    let kind = essence.split('/').next().unwrap_or("");
    let what = match kind {
        "image" => "an image",
        "video" => "a video",
        "audio" => "an audio file",
        _ if essence == "application/pdf" => "a PDF",
        _ => "a file",
    };
    format!("{what} ({})", shorten(essence, 60))
}

fn human_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// The first `max` characters of `s`, with an ellipsis when cut (on a char boundary).
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> AddressClass {
        classify_ip(s.parse().expect("test IP"))
    }

    #[test]
    fn classifies_v4_ranges() {
        assert_eq!(class("8.8.8.8"), AddressClass::Public);
        assert_eq!(class("93.184.216.34"), AddressClass::Public);
        assert_eq!(class("127.0.0.1"), AddressClass::Loopback);
        assert_eq!(class("127.255.0.9"), AddressClass::Loopback);
        assert_eq!(class("10.0.0.1"), AddressClass::Private);
        assert_eq!(class("172.16.5.4"), AddressClass::Private);
        assert_eq!(class("172.32.0.1"), AddressClass::Public);
        assert_eq!(class("192.168.1.1"), AddressClass::Private);
        assert_eq!(class("169.254.1.1"), AddressClass::LinkLocal);
        assert_eq!(class("169.254.169.254"), AddressClass::CloudMetadata);
        assert_eq!(class("100.64.0.1"), AddressClass::SharedCgnat);
        assert_eq!(class("100.127.255.255"), AddressClass::SharedCgnat);
        assert_eq!(class("100.128.0.1"), AddressClass::Public);
        assert_eq!(class("224.0.0.1"), AddressClass::Multicast);
        assert_eq!(class("0.0.0.0"), AddressClass::Unspecified);
        assert_eq!(class("255.255.255.255"), AddressClass::Broadcast);
        assert_eq!(class("0.1.2.3"), AddressClass::Reserved);
        assert_eq!(class("198.18.0.1"), AddressClass::Reserved);
        assert_eq!(class("240.0.0.1"), AddressClass::Reserved);
    }

    #[test]
    fn classifies_v6_ranges_and_embedded_v4() {
        assert_eq!(class("2606:4700::1111"), AddressClass::Public);
        assert_eq!(class("::1"), AddressClass::Loopback);
        assert_eq!(class("::"), AddressClass::Unspecified);
        assert_eq!(class("fe80::1"), AddressClass::LinkLocal);
        assert_eq!(class("fc00::1"), AddressClass::Private);
        assert_eq!(class("fd12:3456::1"), AddressClass::Private);
        assert_eq!(class("fd00:ec2::254"), AddressClass::CloudMetadata);
        assert_eq!(class("ff02::1"), AddressClass::Multicast);
        assert_eq!(class("::ffff:127.0.0.1"), AddressClass::Loopback);
        assert_eq!(class("::ffff:10.1.2.3"), AddressClass::Private);
        assert_eq!(class("::ffff:169.254.169.254"), AddressClass::CloudMetadata);
        assert_eq!(class("::ffff:8.8.8.8"), AddressClass::Public);
        assert_eq!(class("::127.0.0.1"), AddressClass::Loopback);
        assert_eq!(class("64:ff9b::10.0.0.1"), AddressClass::Private);
        assert_eq!(class("2002:c0a8:0101::1"), AddressClass::Private);
        assert_eq!(class("2001:db8::1"), AddressClass::Reserved);
    }

    #[test]
    fn allow_private_never_allows_metadata() {
        assert!(check_ip("10.0.0.1".parse().unwrap(), true).is_ok());
        assert!(check_ip("10.0.0.1".parse().unwrap(), false).is_err());
        assert!(check_ip("169.254.169.254".parse().unwrap(), true).is_err());
        assert!(check_url("http://metadata.google.internal/computeMetadata/v1/", true).is_err());
        assert!(check_url("http://METADATA.google.internal./", true).is_err());
    }

    #[test]
    fn odd_ipv4_spellings_are_normalized_before_the_check() {
        for u in [
            "http://2130706433/",
            "http://0x7f.1/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://[::ffff:7f00:1]/",
        ] {
            let err = check_url(u, false).expect_err(u).to_string();
            assert!(err.contains("newsdesk"), "{u}: {err}");
        }
    }

    #[test]
    fn sniffing_tells_text_from_binary() {
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Some("text/html"));
        assert_eq!(sniff(b"Plain words here."), Some("text/plain"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), None);
        assert_eq!(sniff(b"abc\0def"), None);
    }
}
