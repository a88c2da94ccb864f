//! The `groupdesk` command line. Without a subcommand it opens the console window; the
//! subcommands run the sandbox and the headless commands.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use groupdesk::cli::{self, AllowlistCmd, AppMuteCmd, Connection, CustomFieldsCmd, GroupsCmd, MembersCmd, MuteAllCmd};
use groupdesk::sandbox::{self, Sandbox, Seed};
use groupdesk::ui::deeplink::{OpenRequest, SCHEME, Tab};
use secrecy::{ExposeSecret, SecretString};

#[derive(Parser)]
#[command(name = "groupdesk", version, about = "Console for the chat groups of RongCloud IM and Tencent Cloud Chat apps, and its local sandbox server")]
struct Cli {
    #[command(flatten)]
    connection: Connection,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve a local, wire-compatible group API (RongCloud, or Tencent Cloud Chat) backed by SQLite.
    Sandbox(SandboxArgs),
    /// List and show groups.
    #[command(subcommand)]
    Groups(GroupsCmd),
    /// List, export, kick, mute and unmute members.
    #[command(subcommand)]
    Members(MembersCmd),
    /// The mute-all allowlist of a group.
    #[command(subcommand)]
    Allowlist(AllowlistCmd),
    /// Switch mute-all on or off.
    #[command(subcommand, name = "mute-all")]
    MuteAll(MuteAllCmd),
    /// The app's custom-field keys (Tencent Cloud Chat).
    #[command(subcommand, name = "custom-fields")]
    CustomFields(CustomFieldsCmd),
    /// A user's app-wide mute in every group (Tencent Cloud Chat).
    #[command(subcommand, name = "app-mute")]
    AppMute(AppMuteCmd),
    /// Open the console on a group (what a `groupdesk://open?group=…` link does).
    Open(OpenArgs),
}

#[derive(Args)]
struct OpenArgs {
    /// The group to open.
    group: String,
    /// The tab to show.
    #[arg(long, value_enum, default_value_t = Tab::Profile)]
    tab: Tab,
    /// A saved connection by name, or a demo connection of the built-in sandbox
    /// (`rongcloud-demo`, `tencent-demo`); default: the last one used.
    #[arg(long)]
    connection: Option<String>,
}

/// Which service's API the sandbox serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Service {
    Rongcloud,
    Tencent,
}

/// The Tencent app's edition (member caps 20 / 200 / 2,000; Community only on premium).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum EditionArg {
    Developer,
    Standard,
    Premium,
}

impl From<EditionArg> for groupdesk::protocol::tencent::wire::Edition {
    fn from(e: EditionArg) -> Self {
        use groupdesk::protocol::tencent::wire::Edition;
        match e {
            EditionArg::Developer => Edition::Developer,
            EditionArg::Standard => Edition::Standard,
            EditionArg::Premium => Edition::Premium,
        }
    }
}

/// The Tencent sandbox's secret key comes from this variable (never from the command line).
const SECRET_KEY_ENV: &str = "GROUPDESK_SANDBOX_SECRET_KEY";

#[derive(Args)]
struct SandboxArgs {
    /// Which service's REST API to serve.
    #[arg(long, value_enum, default_value_t = Service::Rongcloud)]
    service: Service,
    /// Address to listen on; port 0 picks a free port (see the first line printed).
    #[arg(long, default_value = sandbox::DEFAULT_ADDR)]
    addr: SocketAddr,
    /// Where the database lives [default: the platform data directory, e.g. ~/.local/share/groupdesk/sandbox].
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// App Key the sandbox answers to.
    #[arg(long, default_value = sandbox::DEMO_APP_KEY)]
    app_key: String,
    /// App Secret requests are signed with [default: the public demo secret].
    #[arg(long, env = "GROUPDESK_SANDBOX_APP_SECRET", hide_env_values = true)]
    app_secret: Option<String>,
    /// What a new, empty data directory is filled with (existing data is never touched).
    #[arg(long, value_enum, default_value_t = Seed::Demo)]
    seed: Seed,
    /// Requests per second per caller per endpoint; 0 turns the limit off [default: rongcloud 100
    /// (then 429/1008), tencent 200 (then 60007; get_appid_group_list 1/s)].
    #[arg(long)]
    rate_limit: Option<u32>,
    /// Milliseconds added before every answer, to model a real round trip.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Fraction (0 to 1) of requests answered with HTTP 503 or a dropped connection, before or after applying.
    #[arg(long, default_value_t = 0.0)]
    fault_rate: f64,
    /// An allowed extProfile key (ext_...); repeat for more.
    #[arg(long = "ext-key", value_name = "KEY")]
    ext_keys: Vec<String>,
    /// Members a group may hold (the real service allows 3,000).
    #[arg(long, default_value_t = sandbox::DEFAULT_MAX_MEMBERS)]
    max_members: usize,
    /// Tencent: the SDKAppID the sandbox answers to (secret key from GROUPDESK_SANDBOX_SECRET_KEY,
    /// else the public demo key).
    #[arg(long, default_value_t = groupdesk::protocol::tencent::limits::DEMO_SDKAPPID)]
    sdkappid: u64,
    /// Tencent: an App admin identifier REST calls may be signed for; repeat for more [default: administrator].
    #[arg(long = "admin", value_name = "IDENTIFIER")]
    admins: Vec<String>,
    /// Tencent: the app's edition (member caps 20 / 200 / 2,000; Community needs premium).
    #[arg(long, value_enum, default_value_t = EditionArg::Premium)]
    edition: EditionArg,
}

fn main() -> ExitCode {
    // `groupdesk groupdesk://open?group=…` (the .desktop file runs `groupdesk %u`).
    let mut args = std::env::args();
    if let (Some(_), Some(link), None) = (args.next(), args.next(), args.next()) {
        if link.starts_with(SCHEME) {
            init_tracing();
            return console(Some(OpenRequest::from_url(&link)));
        }
    }
    let cli = Cli::parse();
    init_tracing();
    match cli.command {
        Some(Command::Sandbox(args)) => match run_sandbox(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("groupdesk sandbox: {e:#}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Groups(cmd)) => headless(&cli.connection, |c| async move { cli::groups(&c, cmd).await }),
        Some(Command::Members(cmd)) => headless(&cli.connection, |c| async move { cli::members(&c, cmd).await }),
        Some(Command::Allowlist(cmd)) => headless(&cli.connection, |c| async move { cli::allowlist(&c, cmd).await }),
        Some(Command::MuteAll(cmd)) => headless(&cli.connection, |c| async move { cli::mute_all(&c, cmd).await }),
        Some(Command::CustomFields(cmd)) => headless(&cli.connection, |c| async move { cli::custom_fields(&c, cmd).await }),
        Some(Command::AppMute(cmd)) => headless(&cli.connection, |c| async move { cli::app_mute(&c, cmd).await }),
        Some(Command::Open(args)) => match open_request(args) {
            Ok(request) => console(Some(Ok(request))),
            Err(e) => {
                eprintln!("groupdesk open: {e}");
                ExitCode::from(2)
            }
        },
        None => console(None),
    }
}

/// Opens the console window (on a group, for `open` and links).
fn console(open: Option<Result<OpenRequest, String>>) -> ExitCode {
    match groupdesk::ui::run(open) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("groupdesk: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one headless command on a fresh runtime with the connection from the global options.
fn headless<F, Fut>(connection: &Connection, run: F) -> ExitCode
where
    F: FnOnce(groupdesk::ops::Session) -> Fut,
    Fut: std::future::Future<Output = Result<ExitCode, cli::CliError>>,
{
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("groupdesk: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    cli::exit(runtime.block_on(async {
        let session = cli::connect(connection)?;
        run(session).await
    }))
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("GROUPDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("groupdesk=info,warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

fn run_sandbox(args: SandboxArgs) -> anyhow::Result<()> {
    if args.service == Service::Tencent {
        return run_tencent_sandbox(args);
    }
    let demo_secret = args.app_secret.is_none();
    let mut config = sandbox::Config::new(args.data_dir.unwrap_or_else(sandbox::default_data_dir));
    config.addr = args.addr;
    config.app_key = args.app_key;
    if let Some(secret) = args.app_secret {
        config.app_secret = SecretString::from(secret);
    }
    config.seed = args.seed;
    config.rate_limit = args.rate_limit.unwrap_or(sandbox::DEFAULT_RATE_LIMIT);
    config.latency = Duration::from_millis(args.latency_ms);
    config.fault_rate = args.fault_rate;
    config.ext_keys = args.ext_keys;
    config.max_members = args.max_members;
    config.validate()?;

    let secret_note = if demo_secret {
        format!("App Secret: {} (public demo secret)", config.app_secret.expose_secret())
    } else {
        "App Secret: as given (not shown)".to_owned()
    };
    let notes = vec![format!("App Key: {}", config.app_key), secret_note];
    serve_sandbox(config.data_dir.clone(), notes, Sandbox::start(config))
}

/// Starts a sandbox, announces it — `listening on URL` first (the line scripts wait for), then
/// the data directory and `notes` — and serves until SIGINT/SIGTERM.
fn serve_sandbox(data_dir: PathBuf, notes: Vec<String>, start: impl std::future::Future<Output = anyhow::Result<Sandbox>>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        // Register the signal handlers before announcing the address: a script may send
        // SIGTERM as soon as it has read the first line.
        let signals = Signals::register()?;
        let sandbox = start.await?;
        // Best effort: a closed stdout (a script that read only the first line) must not stop
        // the server.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on {}", sandbox.base_url());
        let seeded = if sandbox.seeded() { " (new: seeded with demo data)" } else { "" };
        let _ = writeln!(out, "data directory: {}{seeded}", data_dir.display());
        for note in &notes {
            let _ = writeln!(out, "{note}");
        }
        let _ = out.flush();
        drop(out);
        signals.wait().await;
        tracing::info!("shutting down");
        sandbox.shutdown().await;
        anyhow::Ok(())
    })
}

/// `groupdesk sandbox --service tencent`.
fn run_tencent_sandbox(args: SandboxArgs) -> anyhow::Result<()> {
    let mut config = sandbox::TencentConfig::new(args.data_dir.unwrap_or_else(sandbox::default_data_dir));
    config.addr = args.addr;
    config.sdkappid = args.sdkappid;
    let given_key = std::env::var(SECRET_KEY_ENV).ok().filter(|k| !k.is_empty());
    let demo_key = given_key.is_none();
    if let Some(key) = given_key {
        config.secret_key = SecretString::from(key);
    }
    if !args.admins.is_empty() {
        config.admins = args.admins;
    }
    config.edition = args.edition.into();
    config.seed = args.seed;
    config.rate_limit = args.rate_limit.unwrap_or(sandbox::DEFAULT_TENCENT_RATE_LIMIT);
    config.latency = Duration::from_millis(args.latency_ms);
    config.fault_rate = args.fault_rate;
    config.validate()?;

    let edition = args.edition.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default();
    let key_note = if demo_key {
        format!("Secret key: {} (public demo key)", config.secret_key.expose_secret())
    } else {
        format!("Secret key: from {SECRET_KEY_ENV} (not shown)")
    };
    let notes = vec![format!("SDKAppID: {}", config.sdkappid), format!("App admins: {}", config.admins.join(", ")), format!("Edition: {edition}"), key_note];
    serve_sandbox(config.data_dir.clone(), notes, Sandbox::start_tencent(config))
}

/// Ctrl-C and SIGTERM, registered up front.
struct Signals {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
}

impl Signals {
    fn register() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Self { term: signal(SignalKind::terminate())?, int: signal(SignalKind::interrupt())? })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    async fn wait(mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.term.recv() => {}
            _ = self.int.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// What `groupdesk open GROUP [--tab …] [--connection …]` asks the console to show.
fn open_request(args: OpenArgs) -> Result<OpenRequest, String> {
    let group = args.group.trim().to_owned();
    if group.is_empty() {
        return Err("the group id is empty".into());
    }
    Ok(OpenRequest { group, tab: args.tab, connection: args.connection })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(args: &[&str]) -> Result<OpenRequest, String> {
        let cli = Cli::try_parse_from(["groupdesk", "open"].iter().chain(args)).map_err(|e| e.kind().to_string())?;
        match cli.command {
            Some(Command::Open(a)) => open_request(a),
            _ => Err("not `open`".into()),
        }
    }

    #[test]
    fn open_parses_the_group_tab_and_connection() {
        let want = OpenRequest { group: "community".into(), tab: Tab::Members, connection: Some("tencent-demo".into()) };
        assert_eq!(open(&["community", "--tab", "members", "--connection", "tencent-demo"]), Ok(want));
        let profile = OpenRequest { group: "北京用户交流群".into(), tab: Tab::Profile, connection: None };
        assert_eq!(open(&[" 北京用户交流群 "]), Ok(profile), "the profile tab by default; the id trimmed");
        assert!(open(&["community", "--tab", "audit"]).is_err(), "an unknown tab is refused");
        assert_eq!(open(&["  "]), Err("the group id is empty".into()));
        assert!(open(&[]).is_err(), "the group is required");
    }
}
