// Tests of the live preview server.
