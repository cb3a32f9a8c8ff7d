namespace byline {}
