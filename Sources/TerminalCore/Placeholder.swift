// placeholder until the width layer lands
