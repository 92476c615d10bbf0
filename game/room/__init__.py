"""The facilitator's live room (issue 12): a session server on the local network, and the client
each team's game runs in the background.

- ``protocol``: the JSON messages (a version, a team id, a per-team sequence number per decision);
- ``status``: what the room shows of a team's game (year, quarter, the draft as voted, key
  figures, the danger flag), computed from the game itself;
- ``server``: the websockets server: it rebuilds every team's game from its decisions and writes
  team files as it goes;
- ``client``: the team's side, in a background thread with a queue: the game never waits on the
  network, and a dropped connection catches up from the last decision the room acknowledged.

The engine knows nothing of any of this: the room reads games and replays decisions, nothing more.
"""
