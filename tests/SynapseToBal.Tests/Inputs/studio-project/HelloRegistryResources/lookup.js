function lookup(mc) { return mc.getProperty("name"); }
