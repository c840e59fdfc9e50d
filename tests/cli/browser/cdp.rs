//! A small Chrome DevTools Protocol client: one headless Chromium per
//! [`Browser`], one websocket to it, one page target at a time.
//!
//! Every wait has a deadline ([`TIMEOUT`]) and fails with what it waited for
//! and the last lines Chromium printed; the browser (and every process it
//! started) is ended when the [`Browser`] is dropped, also when a test panics.

use std::io::{BufRead, BufReader, ErrorKind};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tempfile::TempDir;
use tungstenite::{Message, WebSocket};

/// How long any one wait may take: the browser starting, a command's answer,
/// an event.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A headless Chromium with a websocket open to its DevTools endpoint.
pub struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    next_id: u64,
    /// Events read while waiting for something else, oldest first.
    events: Vec<Value>,
    /// The last lines Chromium printed on stderr, for failure messages.
    stderr: Arc<Mutex<Vec<String>>>,
    _profile: TempDir,
}

/// The flags for a headless run as root in a container: no sandbox (it needs
/// user namespaces root does not get here), no GPU, no /dev/shm (often tiny
/// in containers), and nothing that asks a first-run question.
const FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
];

impl Browser {
    /// Start `program` headless and connect to it.
    pub fn launch(program: &Path) -> Browser {
        let profile = tempfile::Builder::new()
            .prefix("veikart-chromium-")
            .tempdir()
            .expect("a temp dir for the browser profile");
        let mut cmd = Command::new(program);
        cmd.args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            // Its own process group, so the renderers and helpers it starts
            // can be ended with it by the group's id.
            .process_group(0);
        let mut child =
            cmd.spawn().unwrap_or_else(|e| panic!("could not start {}: {e}", program.display()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        {
            let pipe = child.stderr.take().expect("chromium's stderr is piped");
            let lines = Arc::clone(&stderr);
            // Keep reading stderr all along, so Chromium never blocks on a full pipe.
            thread::spawn(move || {
                for line in BufReader::new(pipe).lines() {
                    let Ok(line) = line else { break };
                    if let Some(url) = line.strip_prefix("DevTools listening on ") {
                        let _ = tx.send(url.trim().to_string());
                    }
                    let mut kept = lines.lock().expect("stderr lines lock");
                    kept.push(line);
                    if kept.len() > 40 {
                        kept.remove(0);
                    }
                }
            });
        }
        let url = match rx.recv_timeout(TIMEOUT) {
            Ok(url) => url,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                let tail = stderr.lock().expect("stderr lines lock").join("\n");
                panic!(
                    "chromium printed no `DevTools listening on ws://…` within {TIMEOUT:?} ({e}); \
                     its stderr:\n{tail}"
                );
            }
        };
        let ws = connect(&url).unwrap_or_else(|e| {
            let _ = child.kill();
            let _ = child.wait();
            panic!("could not open the DevTools websocket {url}: {e}")
        });
        Browser { child, ws, next_id: 0, events: Vec::new(), stderr, _profile: profile }
    }

    fn stderr_tail(&self) -> String {
        self.stderr.lock().map(|l| l.join("\n")).unwrap_or_default()
    }

    /// Send `method` with `params` (to the page `session`, or to the browser
    /// for `None`) and wait for its result. A protocol error fails the test.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        if let Err(e) = self.ws.send(Message::text(msg.to_string())) {
            panic!("could not send {method} to chromium: {e}\n{}", self.stderr_tail());
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.read_until(deadline, &format!("answer to {method}"));
            if m["id"] == id {
                if let Some(err) = m.get("error") {
                    panic!("chromium refused {method} {params}: {err}", params = msg["params"]);
                }
                return m["result"].clone();
            }
            self.events.push(m);
        }
    }

    /// The event of `session` named in `methods` that comes after the first
    /// `skip` such events (those read already count), whole, with its `method`.
    pub fn next_event(&mut self, session: &str, methods: &[&str], skip: usize) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let wanted =
            |m: &Value| m["sessionId"] == session && methods.iter().any(|x| m["method"] == *x);
        loop {
            if let Some(ev) = self.events.iter().filter(|m| wanted(m)).nth(skip) {
                return ev.clone();
            }
            let m = self.read_until(deadline, &format!("event {}", methods.join(" or ")));
            self.events.push(m);
        }
    }

    /// Read whatever arrives within `quiet`, to collect late events.
    pub fn drain(&mut self, quiet: Duration) {
        let deadline = Instant::now() + quiet;
        while let Some(m) = self.read_before(deadline) {
            self.events.push(m);
        }
    }

    /// Every event of `session` read so far, oldest first.
    pub fn events_of(&self, session: &str) -> Vec<Value> {
        self.events.iter().filter(|m| m["sessionId"] == session).cloned().collect()
    }

    fn read_until(&mut self, deadline: Instant, what: &str) -> Value {
        match self.read_before(deadline) {
            Some(m) => m,
            None => panic!(
                "chromium sent no {what} within {TIMEOUT:?}; its stderr:\n{}",
                self.stderr_tail()
            ),
        }
    }

    /// The next JSON message, or `None` once `deadline` has passed.
    fn read_before(&mut self, deadline: Instant) -> Option<Value> {
        while Instant::now() < deadline {
            match self.ws.read() {
                Ok(Message::Text(text)) => {
                    let v: Value = serde_json::from_str(text.as_str())
                        .unwrap_or_else(|e| panic!("chromium sent text that is not JSON: {e}"));
                    if v["method"] == "Page.javascriptDialogOpening" {
                        self.dismiss_dialog(&v);
                    }
                    return Some(v);
                }
                Ok(Message::Close(frame)) => {
                    panic!(
                        "chromium closed the DevTools websocket: {frame:?}\n{}",
                        self.stderr_tail()
                    )
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => {
                    panic!("reading the DevTools websocket failed: {e}\n{}", self.stderr_tail())
                }
            }
        }
        None
    }
}

impl Browser {
    /// A dialog blocks its page (and so every later command to it) until it
    /// is answered: dismiss it at once. The event stays among the events, and
    /// the answer to this command is read as one too.
    fn dismiss_dialog(&mut self, event: &Value) {
        self.next_id += 1;
        let msg = json!({
            "id": self.next_id,
            "method": "Page.handleJavaScriptDialog",
            "params": {"accept": false},
            "sessionId": event["sessionId"],
        });
        if let Err(e) = self.ws.send(Message::text(msg.to_string())) {
            panic!("could not dismiss a dialog: {e}\n{}", self.stderr_tail());
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let pid = self.child.id();
        // Ask politely, then wait a little, then end it and its process group.
        self.next_id += 1;
        let close = json!({"id": self.next_id, "method": "Browser.close"});
        let _ = self.ws.send(Message::text(close.to_string()));
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut exited = false;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                exited = true;
                break;
            }
            thread::sleep(Duration::from_millis(50));
        }
        if !exited {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Helpers left behind in the group the browser led, if any.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stderr(Stdio::null())
            .status();
    }
}

/// Open the websocket at `url` (`ws://HOST:PORT/PATH`) with a read timeout, so
/// no read can hang.
fn connect(url: &str) -> Result<WebSocket<TcpStream>, String> {
    let rest = url.strip_prefix("ws://").ok_or_else(|| format!("not a ws:// URL: {url}"))?;
    let host = rest.split('/').next().unwrap_or_default();
    let addr = host
        .to_socket_addrs()
        .map_err(|e| e.to_string())?
        .next()
        .ok_or_else(|| format!("no address for {host}"))?;
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    let (ws, _) = tungstenite::client(url, stream).map_err(|e| e.to_string())?;
    // Short reads from now on: each wait loops to its own deadline.
    ws.get_ref().set_read_timeout(Some(Duration::from_millis(100))).map_err(|e| e.to_string())?;
    Ok(ws)
}

/// Decode standard base64 (as CDP sends PDFs and screenshots).
pub fn base64_decode(text: &str) -> Vec<u8> {
    fn value(c: u8) -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {:?}", c as char),
        }
    }
    let bytes: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c) << (18 - 6 * i);
        }
        let [_, a, b, c] = n.to_be_bytes();
        out.extend_from_slice(&[a, b, c][..chunk.len().saturating_sub(1)]);
    }
    out
}

#[test]
fn base64_decodes_padding_and_all_alphabet_ends() {
    assert_eq!(base64_decode("TWFu"), b"Man");
    assert_eq!(base64_decode("TWE="), b"Ma");
    assert_eq!(base64_decode("TQ=="), b"M");
    assert_eq!(base64_decode("+/9z\n"), [0xfb, 0xff, 0x73]);
    assert_eq!(base64_decode(""), b"");
}
