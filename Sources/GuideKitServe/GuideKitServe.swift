// The live preview server of `guidekit serve`.
