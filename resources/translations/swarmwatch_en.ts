<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivityView</name>
    <message>
        <source>Cracks, connection changes and errors, newest first. Plaintexts stay hidden until you reveal them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal plaintext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the selected crack&apos;s plaintext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDetailsView</name>
    <message>
        <source>Agent details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Software:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent errors, newest first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentsView</name>
    <message>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter agents by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignDetailsView</name>
    <message>
        <source>Campaign details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a campaign to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashes cracked and remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arc&amp;hive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <source>Campaign name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter campaigns by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter campaigns by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CipherSwarmClient</name>
    <message>
        <source>%1: the answer is not a JSON object (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <source>swarmwatch-cli: unknown command “%1” (see swarmwatch-cli --help)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: swarmwatch-cli &lt;command&gt; [options]

SwarmWatch&apos;s command-line twin, for SSH sessions and scripts.

Commands:
%1
Server: --server URL, else $SWARMWATCH_SERVER, else the last login.
Token: $SWARMWATCH_TOKEN, else the keychain entry stored by `login` for that server.

Options:
  -h, --help     Show this help (also: swarmwatch-cli &lt;command&gt; --help)
  -v, --version  Show the version

Exit codes: 0 ok, 2 usage or bad input, 3 not logged in, session expired or no keychain,
4 network or server.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>SWARMWATCH_TOKEN was refused by %1 (%2): set a fresh token (`swarmwatch-cli token` prints one where you are logged in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired or invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session expired for %1: run `swarmwatch-cli login`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2 with an HTML page: not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with an HTML page: not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered 422 (%2): not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with something CipherSwarm does not send (%2): not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid server URL “%1”: expected http(s)://host[:port]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server URL must not contain a user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no server given: use --server URL (or set SWARMWATCH_SERVER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not logged in to %1: run `swarmwatch-cli login` or set SWARMWATCH_TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain to read the token from (%1): set SWARMWATCH_TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SWARMWATCH_PROJECT must be a project id, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you belong to no project on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandList</name>
    <message>
        <source>Log in to a server and keep the token in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out of a server (--all: every server) and delete its token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the servers you are logged in to (* marks the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the token for scripts (SWARMWATCH_TOKEN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the signed-in user, server and project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List your projects (* marks the one in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make project ID the one in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the project&apos;s campaigns with progress and ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the dashboard summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow campaigns (and agents) live, as a table or JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parse SSE bytes from a file, or follow a live feed, as JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the journal swarmwatch keeps (--since 2h, --kind, --json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print shell completion: bash or zsh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompletionCommand</name>
    <message>
        <source>Usage: swarmwatch-cli completion bash|zsh

Prints the shell completion script. For the current shell:
  source &lt;(swarmwatch-cli completion bash)
For good: swarmwatch-cli completion zsh &gt; &quot;${fpath[1]}/_swarmwatch-cli&quot;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swarmwatch-cli completion: say which shell: bash or zsh
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpErrorMessage</name>
    <message>
        <source>%1: HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 with an HTML page: not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalCommand</name>
    <message>
        <source>Read the journal that swarmwatch writes while it runs: connection changes, toasts as they were shown (never a plaintext), campaign state changes and progress samples. Newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what happened since then: 2h, 30m, 7d, or an ISO date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these kinds, comma-separated: connection, toast, campaign, sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only lines whose text contains this (case ignored).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many lines (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this file instead of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected arguments: %1 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json and --csv: choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a time: use 2h, 30m, 7d or an ISO date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind “%1”: connection, toast, campaign or sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign %1%2: %3 %, %4 cracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing in the journal matches)
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>Search the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign id (any when 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export what is shown as CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginCommands</name>
    <message>
        <source>--email is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain to keep the token in, so nothing was stored (%1). For scripts, set SWARMWATCH_TOKEN (`swarmwatch-cli token` prints it where you are logged in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no terminal to ask for the password on: pipe it in with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered 422 to the login (%2): not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not take the token, so nothing was stored (%1). For scripts, set SWARMWATCH_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1 as %2.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token stored for %1 could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out of %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to %1; nothing to do.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to any server; nothing to do.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to any server (swarmwatch-cli login --server URL --email EMAIL).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to CipherSwarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://cipherswarm.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the password (in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate for this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SwarmWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SwarmWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerCommands</name>
    <message>
        <source>The CipherSwarm server (default: $SWARMWATCH_SERVER, then the last login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your CipherSwarm login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password from standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s id (see `projects`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected arguments: %1 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), role %3
server:  %4
project: %5
token expires: %6
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a project id (see `swarmwatch-cli projects`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active project: %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out of every server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order by one of %1; a leading - reverses (default: newest first, as the server lists them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only campaigns in these states (comma-separated, e.g. active,paused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many campaigns (0: all); with watch --json, in the snapshot and final pictures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use-project needs the id of a project: swarmwatch-cli use-project ID (`swarmwatch-cli projects` lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--all and --server exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no login for %1 to remember the project in: set SWARMWATCH_PROJECT=%2 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agents online:   %1 of %2
tasks running:   %3 of %4
hash rate:       %5
cracked (24 h):  %6
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the connection is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost for at &amp;least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds without live updates before a notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the session expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On new cracks (at most one per campaign every 10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the cracked plaintext in notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default: anyone who can see your screen would read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a campaign finishes or fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an active campaign makes no progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes without progress before a campaign counts as stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an agent goes offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Offline for at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes an agent is offline before a notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quiet hours: no notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start SwarmWatch when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimised (in the tray where there is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silent feed is dead after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of silence after which a feed reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload everything every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between full reloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second at &amp;most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST requests per second at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA &amp;bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA bundle file (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the system&apos;s certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the &amp;journal for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days the journal keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal si&amp;ze at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Megabytes the journal may take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseCommand</name>
    <message>
        <source>reconnecting (attempt %1, waiting for the network): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting (attempt %1, next try in %2 s): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting (attempt %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unauthorized: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parse raw Server-Sent-Events bytes from a file, or follow a live feed, and print each event as a JSON line: {&quot;type&quot;: T, &quot;data&quot;: D, &quot;lastEventId&quot;: L}, and {&quot;retry&quot;: N} for each retry field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parse the SSE bytes in &lt;path&gt; (- for stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --file: print only the number of dispatched events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request header &quot;Name: value&quot; (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Last-Event-ID: &lt;id&gt; on the first request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed to follow (http or https).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[url]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --file or a URL, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--count goes with --file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one URL or --file PATH (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid URL “%1”: expected http://host/... or https://host/...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid header “%1”: expected &quot;Name: value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseConnection</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>an event&apos;s data is larger than the limit of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line is longer than the limit of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message numerus="yes">
        <source>%1 (%n times)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableFormatter</name>
    <message>
        <source>--sort takes one of %1 (a leading - reverses): not “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number of rows, 0 for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--state takes states from %1: not “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROGRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRACKED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPEED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AGENTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONLINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAST SEEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEVICES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LATEST ERROR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchCommand</name>
    <message numerus="yes">
        <source>… %n more (narrow with --state or --limit)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more agents (a taller terminal shows them)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Follow the agents too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cracked plaintexts in toasts (hidden by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect a feed silent this long (default 75).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full resync interval (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST budget against the server (default 100; 0: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watchdog-seconds takes a number from 1 to 86400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--resync-seconds takes a number from 1 to 86400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-requests-per-second takes a number from 0 to 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 feed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, next try in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, data as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last notification: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A simulated CipherSwarm server on 127.0.0.1, for demos and tests of SwarmWatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port (0: any free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive after this many quiet seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation steps per second (0: frozen).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ActivityModel</name>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ActivityView</name>
    <message>
        <source>&amp;Hide plaintext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal plaintext</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::AgentDetailsView</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device speeds over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported by the server (its last error was about task %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MH/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::AgentModel</name>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::AgentsView</name>
    <message>
        <source>Agents online: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ApiTransport</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CampaignChart</name>
    <message>
        <source>Progress and cracks over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CampaignDetailsView</name>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive “%1”? It leaves the campaign lists; nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a campaign to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in all, %2 cracked, %3 remaining (%4 cracked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CampaignModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% cracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CampaignTableModel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CampaignsView</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CipherSwarmClient</name>
    <message>
        <source>more items than the page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server lists %2 items, only %3 can be paged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ConnectionDiagnostics</name>
    <message>
        <source>URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay to the first byte: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first byte came late: a proxy may be buffering the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay to the first byte: no byte yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: %1 bytes, %2 events; %3 reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last data: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ConnectionDiagnosticsDialog</name>
    <message>
        <source>Connection diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each feed as SwarmWatch sees it. The curl commands reproduce a feed outside SwarmWatch; they never contain your token: set SWARMWATCH_TOKEN to it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ConnectionIndicators</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ConsoleOptions</name>
    <message>
        <source>SwarmWatch: a live operator console for CipherSwarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this server, one you signed in to before (with swarmwatch or swarmwatch-cli).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: how many campaigns the simulation has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server needs an http(s) URL, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-campaigns needs a number from 1 to 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo and --server exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a simulated CipherSwarm inside SwarmWatch and watch it (no login, token or journal is kept).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::ConsoleSession</name>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired: sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session on %1 has expired: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not signed in to %1 before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored token could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in, but the keychain could not keep the token (%1): you will be asked to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::CredentialStore</name>
    <message>
        <source>The keychain refused access (it may be locked): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::DesktopIntegration</name>
    <message>
        <source>&amp;Show SwarmWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide SwarmWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 new crack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new cracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SwarmWatch is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It keeps watching from the tray. Choose Quit in its menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::FeedIndicator</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::Format</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::Journal</name>
    <message>
        <source>There is no journal at %1 yet: SwarmWatch writes it while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal&apos;s folder %1 cannot be made: not recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 cannot be opened (%2): not recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 cannot be written (%2): not recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 was set aside as %2 (%3); a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 cannot be written (%2); retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was damaged while SwarmWatch wrote to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal %1 is damaged (%2) and cannot be set aside: not recording.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::JournalRecorder</name>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::JournalTableModel</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress %1, %2 cracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: progress %2, %3 cracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::JournalView</name>
    <message>
        <source>Every kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %1 lines; narrow the search to see older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::JsonReader</name>
    <message>
        <source>missing (expected an integer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (expected a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (expected a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (expected a boolean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a boolean, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (expected a time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an ISO 8601 time with a zone, got “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (expected an array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (expected an object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::LiveSync</name>
    <message>
        <source>you belong to no project on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token could not be refreshed; next try in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refreshing the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session expired: sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::LoginDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a server address: use https://host or http://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is inactive. Ask a CipherSwarm administrator to activate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the form: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
Valid from %3 to %4
SHA-256: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(With no scheme given, https:// was used; for a server without TLS, type http://%1.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::MainWindow</name>
    <message>
        <source>&amp;Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SwarmWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;SwarmWatch %1&lt;/h3&gt;&lt;p&gt;A native operator console for CipherSwarm.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::Notifier</name>
    <message>
        <source>Connected again to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates are back after %1 without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session expired. Sign in again to keep the tables live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live updates since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hash cracked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hashes cracked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was %1 before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 new crack in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new cracks in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: hash %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(plaintext: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign stalled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active, but no progress since %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not seen since %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::Session</name>
    <message>
        <source>the session expired at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST /api/v1/web/auth/login: an HTML page answered: not a CipherSwarm server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST /api/v1/web/auth/login: the answer had no access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST /api/v1/web/auth/refresh: the answer had no access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (token refresh failed: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::SettingsDialog</name>
    <message>
        <source>Extra CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::SseConnection</name>
    <message>
        <source>“%1” is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered with content type “%1”, not text/event-stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server ended the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered 204 No Content: the feed is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many redirects (more than %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirected to “%1”, which is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused a redirect from https to http (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmwatch::StatusPresenter</name>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 feed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 feed: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to resume live updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This feed is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last data %1 (%2 bytes, %3 events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected; the server has sent nothing yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see live data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s token has expired; it is being renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session valid for %1 (renewed automatically)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SwarmWatch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active campaigns: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
