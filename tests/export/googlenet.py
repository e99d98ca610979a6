"""GoogLeNet written by hand as d2l writes it, smaller: one Inception class used
with four different channel settings.  The model the import tests compare the
exported code with, in results and in length."""

import torch
from torch import nn
from torch.nn import functional as F


class Inception(nn.Module):
    # c1--c4 are the output channels of the four branches.
    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, kernel_size=1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], kernel_size=1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1)
        self.p3_1 = nn.Conv2d(in_channels, c3[0], kernel_size=1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2)
        self.p4_1 = nn.MaxPool2d(kernel_size=3, stride=1, padding=1)
        self.p4_2 = nn.Conv2d(in_channels, c4, kernel_size=1)

    def forward(self, x):
        p1 = F.relu(self.p1_1(x))
        p2 = F.relu(self.p2_2(F.relu(self.p2_1(x))))
        p3 = F.relu(self.p3_2(F.relu(self.p3_1(x))))
        p4 = F.relu(self.p4_2(self.p4_1(x)))
        return torch.cat((p1, p2, p3, p4), dim=1)


class GoogLeNet(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, kernel_size=3, padding=1)
        self.pool3 = nn.MaxPool2d(2)
        self.pool4 = nn.MaxPool2d(2)
        self.inception3a = Inception(8, 4, (4, 8), (2, 4), 4)
        self.inception3b = Inception(20, 8, (8, 12), (2, 6), 6)
        self.inception4a = Inception(32, 12, (6, 12), (2, 4), 4)
        self.inception4b = Inception(32, 8, (8, 16), (4, 6), 6)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(36, classes)

    def forward(self, x):
        x = self.pool3(F.relu(self.conv(x)))
        x = self.pool4(self.inception3b(self.inception3a(x)))
        x = self.inception4b(self.inception4a(x))
        return self.fc(torch.flatten(self.gap(x), 1))
