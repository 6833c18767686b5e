//! URL-safety tests (issue 7.4): the fetcher against hostile servers on 127.0.0.1 —
//! private targets, redirects into private or metadata addresses, redirect loops, oversize
//! bodies with and without Content-Length, slow-loris trickles, non-text content, bad
//! schemes and unparsable links. Each server counts the connections it accepts, so a
//! refusal can be shown to happen before anything was sent.

use newsdesk::Error;
use newsdesk::config::vars;
use newsdesk::ingest::fetch::{
    AddressClass, FetchOptions, check_ip, check_url, classify_ip, fetch, fetch_blocking,
    fetch_with_resolver,
};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A throwaway HTTP/1.1 server: each connection's request path goes to `handler`, which
/// writes whatever raw response it likes.
struct Server {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

async fn serve<F, Fut>(handler: F) -> Server
where
    F: Fn(String, TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("local addr");
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = connections.clone();
    let handler = Arc::new(handler);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let handler = handler.clone();
            tokio::spawn(async move {
                let Some(path) = read_request_path(&mut stream).await else {
                    return;
                };
                handler(path, stream).await;
            });
        }
    });
    Server { addr, connections }
}

async fn read_request_path(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 || head.len() > 64 * 1024 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&head).lines().next()?.to_string();
    line.split_whitespace().nth(1).map(str::to_string)
}

async fn respond(mut stream: TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut out = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let _ = stream.write_all(out.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let _ = stream.shutdown().await;
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Council votes</title></head><body><p>The council voted 7-2 on Tuesday.</p></body></html>";

fn html_headers(len: usize) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", "text/html; charset=utf-8".into()),
        ("Content-Length", len.to_string()),
    ]
}

/// A server that answers every path with `PAGE`.
async fn page_server() -> Server {
    serve(|_, stream| async move {
        respond(stream, "200 OK", &html_headers(PAGE.len()), PAGE.as_bytes()).await
    })
    .await
}

fn allow_private() -> FetchOptions {
    FetchOptions {
        allow_private: true,
        ..FetchOptions::default()
    }
}

fn fetch_error(result: newsdesk::Result<newsdesk::ingest::fetch::Fetched>) -> String {
    match result {
        Err(Error::Fetch(msg)) => msg,
        Err(other) => panic!("expected a fetch error, got {other:?}"),
        Ok(f) => panic!("expected a refusal, got a page from {}", f.final_url),
    }
}

#[tokio::test]
async fn loopback_server_is_refused_without_the_allow_flag_and_never_contacted() {
    let server = page_server().await;
    let msg = fetch_error(fetch(&server.url("/article"), &FetchOptions::default()).await);
    assert!(msg.contains("only fetches public web pages"), "{msg}");
    // "localhost" resolves to loopback: refused by the resolved address, not the name.
    let by_name = format!("http://localhost:{}/article", server.addr.port());
    let msg = fetch_error(fetch(&by_name, &FetchOptions::default()).await);
    assert!(msg.contains("only fetches public web pages"), "{msg}");
    assert_eq!(
        server.connections(),
        0,
        "a refused address must not be connected to"
    );
}

#[tokio::test]
async fn allowed_private_fetch_returns_the_page_with_its_type() {
    let server = page_server().await;
    let page = fetch(&server.url("/article"), &allow_private())
        .await
        .expect("page");
    assert_eq!(page.bytes, PAGE.as_bytes());
    assert_eq!(page.content_type, "text/html; charset=utf-8");
    assert_eq!(page.final_url, server.url("/article"));
    // By host name too: the connection goes to the address that was checked.
    let by_name = format!("http://localhost:{}/article", server.addr.port());
    let page = fetch(&by_name, &allow_private())
        .await
        .expect("page by name");
    assert_eq!(page.bytes, PAGE.as_bytes());
}

#[test]
fn checker_refuses_private_link_local_mapped_and_metadata_addresses() {
    for ip in [
        "10.0.0.1",
        "172.20.1.1",
        "192.168.0.10",
        "127.0.0.1",
        "169.254.10.10",
        "100.64.3.4",
        "0.0.0.0",
        "224.0.0.251",
        "255.255.255.255",
        "::1",
        "fe80::1",
        "fc00::7",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ] {
        let ip = ip.parse().unwrap();
        assert_ne!(classify_ip(ip), AddressClass::Public, "{ip}");
        assert!(check_ip(ip, false).is_err(), "{ip} must be refused");
    }
    for ip in ["169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254"] {
        let ip = ip.parse().unwrap();
        assert_eq!(classify_ip(ip), AddressClass::CloudMetadata, "{ip}");
        assert!(
            check_ip(ip, true).is_err(),
            "{ip} must be refused even when private URLs are allowed"
        );
    }
    for ip in ["8.8.8.8", "151.101.1.69", "2a04:4e42::81"] {
        assert!(
            check_ip(ip.parse().unwrap(), false).is_ok(),
            "{ip} is public"
        );
    }
    for url in [
        "http://10.0.0.1/",
        "http://[::ffff:127.0.0.1]/x",
        "http://[fd00:ec2::254]/",
        "http://169.254.169.254/latest/meta-data/",
        "https://metadata.google.internal/computeMetadata/v1/",
    ] {
        assert!(check_url(url, false).is_err(), "{url} must be refused");
    }
    assert!(check_url("https://example.com/news/1", false).is_ok());
}

#[tokio::test]
async fn the_connection_is_pinned_to_the_checked_addresses() {
    let server = page_server().await;
    let port = server.addr.port();
    // `.example` names never resolve through real DNS, so a successful fetch proves the
    // client connected to the address our resolver returned (and that was checked), not to
    // one it looked up itself.
    let resolve = |host: &str, port: u16| -> std::io::Result<Vec<SocketAddr>> {
        match host {
            "news.example" => Ok(vec![SocketAddr::from(([127, 0, 0, 1], port))]),
            "mixed.example" => Ok(vec![
                SocketAddr::from(([93, 184, 216, 34], port)),
                SocketAddr::from(([10, 0, 0, 1], port)),
            ]),
            "meta.example" => Ok(vec![SocketAddr::from(([169, 254, 169, 254], port))]),
            _ => Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such host",
            )),
        }
    };
    let page = fetch_with_resolver(
        &format!("http://news.example:{port}/a"),
        &allow_private(),
        &resolve,
    )
    .await
    .expect("pinned fetch");
    assert_eq!(page.bytes, PAGE.as_bytes());
    assert_eq!(page.final_url, format!("http://news.example:{port}/a"));
    // The same name is refused when private addresses are not allowed…
    let msg = fetch_error(
        fetch_with_resolver(
            &format!("http://news.example:{port}/a"),
            &FetchOptions::default(),
            &resolve,
        )
        .await,
    );
    assert!(msg.contains("only fetches public web pages"), "{msg}");
    // …a name with one public and one private record is refused as a whole…
    let msg = fetch_error(
        fetch_with_resolver(
            &format!("http://mixed.example:{port}/"),
            &FetchOptions::default(),
            &resolve,
        )
        .await,
    );
    assert!(msg.contains("private network"), "{msg}");
    // …a name that resolves to the metadata address is refused even with the flag on…
    let msg = fetch_error(
        fetch_with_resolver(
            &format!("http://meta.example:{port}/"),
            &allow_private(),
            &resolve,
        )
        .await,
    );
    assert!(msg.contains("metadata"), "{msg}");
    // …and a name that does not resolve says so.
    let msg = fetch_error(
        fetch_with_resolver("http://nowhere.example/", &allow_private(), &resolve).await,
    );
    assert!(msg.contains("could not find the site"), "{msg}");
    assert_eq!(server.connections(), 1, "only the allowed fetch connected");
}

#[tokio::test]
async fn redirect_into_metadata_or_private_address_is_refused_at_that_hop() {
    // The first hop is allowed (a local test server with the allow flag on); the redirect
    // target must still be checked — metadata is refused even with the flag on.
    let server = serve(|path, stream| async move {
        let target = match path.as_str() {
            "/meta" => "http://169.254.169.254/latest/meta-data/iam/".to_string(),
            "/meta-mapped" => "http://[::ffff:a9fe:a9fe]/latest/".to_string(),
            "/meta-name" => "http://metadata.google.internal/computeMetadata/v1/".to_string(),
            "/file" => "file:///etc/passwd".to_string(),
            _ => "/".to_string(),
        };
        respond(
            stream,
            "302 Found",
            &[("Location", target), ("Content-Length", "0".into())],
            b"",
        )
        .await
    })
    .await;
    for path in ["/meta", "/meta-mapped", "/meta-name"] {
        let msg = fetch_error(fetch(&server.url(path), &allow_private()).await);
        assert!(msg.contains("metadata"), "{path}: {msg}");
    }
    let msg = fetch_error(fetch(&server.url("/file"), &allow_private()).await);
    assert!(msg.contains("http:// and https://"), "{msg}");

    // With the flag off, a redirect to a private literal address is refused too (the
    // first hop is refused as well here: offline, no public first hop exists).
    let redirector = serve(|_, stream| async move {
        respond(
            stream,
            "301 Moved Permanently",
            &[("Location", "http://10.0.0.1/admin".into())],
            b"",
        )
        .await
    })
    .await;
    let msg = fetch_error(fetch(&redirector.url("/"), &FetchOptions::default()).await);
    assert!(
        msg.contains("private network") || msg.contains("machine newsdesk runs on"),
        "{msg}"
    );
}

#[tokio::test]
async fn redirects_are_followed_up_to_the_limit_and_no_further() {
    let server = serve(|path, stream| async move {
        let n: usize = path.trim_start_matches("/hop/").parse().unwrap_or(0);
        if path.starts_with("/hop/") && n > 0 {
            respond(
                stream,
                "302 Found",
                &[("Location", format!("/hop/{}", n - 1))],
                b"",
            )
            .await
        } else if path == "/loop" {
            respond(
                stream,
                "307 Temporary Redirect",
                &[("Location", "/loop".into())],
                b"",
            )
            .await
        } else {
            respond(stream, "200 OK", &html_headers(PAGE.len()), PAGE.as_bytes()).await
        }
    })
    .await;
    let page = fetch(&server.url("/hop/5"), &allow_private())
        .await
        .expect("five redirects are fine");
    assert_eq!(page.final_url, server.url("/hop/0"));
    let before = server.connections();
    let msg = fetch_error(fetch(&server.url("/loop"), &allow_private()).await);
    assert!(msg.contains("redirects more than 5 times"), "{msg}");
    assert_eq!(
        server.connections() - before,
        6,
        "the first request and 5 redirects"
    );
    let msg = fetch_error(fetch(&server.url("/hop/6"), &allow_private()).await);
    assert!(msg.contains("redirects more than 5 times"), "{msg}");
}

#[tokio::test]
async fn oversize_bodies_are_refused_with_and_without_content_length() {
    const SIZE: usize = 6 * 1024 * 1024;
    let server = serve(|path, stream| async move {
        let body = vec![b'a'; SIZE];
        match path.as_str() {
            "/declared" => {
                respond(
                    stream,
                    "200 OK",
                    &[
                        ("Content-Type", "text/plain".into()),
                        ("Content-Length", SIZE.to_string()),
                    ],
                    &body,
                )
                .await
            }
            // No length: the body ends when the connection closes; only streaming counts it.
            _ => {
                respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "text/plain".into())],
                    &body,
                )
                .await
            }
        }
    })
    .await;
    for path in ["/declared", "/undeclared"] {
        let msg = fetch_error(fetch(&server.url(path), &allow_private()).await);
        assert!(
            msg.contains("larger than 5 MB") && msg.contains(vars::MAX_FETCH_BYTES),
            "{path}: {msg}"
        );
    }
    // The cap is the option's, not a constant.
    let small = FetchOptions {
        max_bytes: 1024,
        ..allow_private()
    };
    let page_server = page_server().await;
    assert!(
        fetch(&page_server.url("/"), &small).await.is_ok(),
        "a page under the cap passes"
    );
    let tiny = FetchOptions {
        max_bytes: 64,
        ..allow_private()
    };
    let msg = fetch_error(fetch(&page_server.url("/"), &tiny).await);
    assert!(msg.contains("larger than 64 bytes"), "{msg}");
}

#[tokio::test]
async fn slow_loris_servers_are_cut_at_the_total_deadline() {
    // One byte every 200 ms never trips a per-read timeout; only a whole-request deadline
    // stops it. "/body" sends headers at once then trickles; "/head" trickles the headers.
    let server = serve(|path, mut stream| async move {
        if path == "/body" {
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
                .await;
            loop {
                if stream.write_all(b"x").await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        } else {
            for b in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: "
                .iter()
                .chain(std::iter::repeat(&b'p'))
            {
                if stream.write_all(&[*b]).await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    })
    .await;
    let opts = FetchOptions {
        timeout: Duration::from_millis(1500),
        ..allow_private()
    };
    for path in ["/body", "/head"] {
        let started = Instant::now();
        let msg = fetch_error(fetch(&server.url(path), &opts).await);
        let took = started.elapsed();
        assert!(msg.contains("took longer than 1.5 s"), "{path}: {msg}");
        assert!(
            took >= Duration::from_millis(1400),
            "{path}: stopped too early ({took:?})"
        );
        assert!(
            took < Duration::from_secs(6),
            "{path}: not cut at the deadline ({took:?})"
        );
    }
}

#[tokio::test]
async fn non_text_content_is_refused_and_untyped_content_is_sniffed() {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
    let server = serve(|path, stream| async move {
        match path.as_str() {
            "/png" => {
                respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "image/png".into())],
                    PNG,
                )
                .await
            }
            "/pdf" => {
                respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "application/pdf".into())],
                    b"%PDF-1.7",
                )
                .await
            }
            "/untyped-png" => respond(stream, "200 OK", &[], PNG).await,
            "/untyped-html" => respond(stream, "200 OK", &[], PAGE.as_bytes()).await,
            "/xhtml" => {
                respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "application/xhtml+xml".into())],
                    PAGE.as_bytes(),
                )
                .await
            }
            _ => {
                respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "text/markdown; charset=utf-8".into())],
                    b"# Title\n\nBody.",
                )
                .await
            }
        }
    })
    .await;
    let msg = fetch_error(fetch(&server.url("/png"), &allow_private()).await);
    assert!(msg.contains("an image (image/png)"), "{msg}");
    let msg = fetch_error(fetch(&server.url("/pdf"), &allow_private()).await);
    assert!(msg.contains("a PDF"), "{msg}");
    let msg = fetch_error(fetch(&server.url("/untyped-png"), &allow_private()).await);
    assert!(msg.contains("binary"), "{msg}");
    let html = fetch(&server.url("/untyped-html"), &allow_private())
        .await
        .expect("sniffed html");
    assert_eq!(html.content_type, "text/html");
    assert!(fetch(&server.url("/xhtml"), &allow_private()).await.is_ok());
    let md = fetch(&server.url("/md"), &allow_private())
        .await
        .expect("markdown");
    assert_eq!(md.content_type, "text/markdown; charset=utf-8");
}

#[tokio::test]
async fn other_schemes_and_unparsable_links_are_refused_with_a_hint() {
    for url in [
        "file:///etc/passwd",
        "ftp://ftp.example.com/a.txt",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "gopher://example.com/",
    ] {
        let msg = fetch_error(fetch(url, &allow_private()).await);
        assert!(
            msg.contains("only fetches http:// and https://"),
            "{url}: {msg}"
        );
    }
    for url in [
        "not a url",
        "",
        "http://",
        "https://exa mple.com/",
        "example.com/news",
        "http://[::1/",
    ] {
        let msg = fetch_error(fetch(url, &allow_private()).await);
        assert!(
            msg.contains("https://") || msg.contains("host name"),
            "{url:?}: {msg}"
        );
    }
}

#[tokio::test]
async fn http_errors_say_what_happened() {
    let server = serve(|path, stream| async move {
        match path.as_str() {
            "/gone" => respond(stream, "404 Not Found", &html_headers(0), b"").await,
            _ => respond(stream, "503 Service Unavailable", &html_headers(0), b"").await,
        }
    })
    .await;
    let msg = fetch_error(fetch(&server.url("/gone"), &allow_private()).await);
    assert!(
        msg.contains("does not exist") && msg.contains("404"),
        "{msg}"
    );
    let msg = fetch_error(fetch(&server.url("/busy"), &allow_private()).await);
    assert!(
        msg.contains("503") && msg.contains("Try again later"),
        "{msg}"
    );
}

#[test]
fn blocking_fetch_works_from_a_plain_thread_and_inside_spawn_blocking() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let server = runtime.block_on(page_server());
    let url = server.url("/a");
    // A plain thread with no runtime (the console).
    let plain = std::thread::spawn({
        let url = url.clone();
        move || fetch_blocking(&url, &allow_private())
    })
    .join()
    .expect("thread");
    assert_eq!(plain.expect("plain thread").bytes, PAGE.as_bytes());
    // Inside spawn_blocking on a runtime (the bot).
    let task = runtime.spawn_blocking(move || fetch_blocking(&url, &allow_private()));
    let inside = runtime.block_on(task).expect("join");
    assert_eq!(inside.expect("spawn_blocking").bytes, PAGE.as_bytes());
}

#[test]
fn options_come_from_the_settings() {
    let settings = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        }
    };
    let opts = FetchOptions::from_lookup(settings(&[
        (vars::MAX_FETCH_BYTES, "2MB"),
        (vars::FETCH_TIMEOUT, "3"),
        (vars::ALLOW_PRIVATE_URLS, "true"),
    ]))
    .expect("valid settings");
    assert_eq!(opts.max_bytes, 2_000_000);
    assert_eq!(opts.timeout, Duration::from_secs(3));
    assert!(opts.allow_private);
    let err = FetchOptions::from_lookup(settings(&[(vars::MAX_FETCH_BYTES, "huge")]))
        .expect_err("bad size")
        .to_string();
    assert!(err.contains(vars::MAX_FETCH_BYTES), "{err}");
    let err = FetchOptions::from_lookup(settings(&[(vars::ALLOW_PRIVATE_URLS, "maybe")]))
        .expect_err("bad flag")
        .to_string();
    assert!(err.contains(vars::ALLOW_PRIVATE_URLS), "{err}");
    assert_eq!(
        FetchOptions::from_lookup(settings(&[])).expect("defaults"),
        FetchOptions::default()
    );
}
