package archfixture.bootstrap;

import archfixture.agent.TrayIcon;

/** Breaks: the server reaching into the desktop agent. */
public class AgentLauncher {

    public Object launch() {
        return new TrayIcon();
    }
}
